package org.eimas.micro.application.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eimas.micro.domain.market.NumericTable;
import org.eimas.micro.domain.port.NetworkStore;
import org.eimas.micro.domain.store.StoredNetwork;
import org.eimas.micro.network.EconomicNetworkBuilder;
import org.eimas.micro.network.MicroMacroMerge;
import org.eimas.micro.network.NetworkEdge;
import org.junit.jupiter.api.Test;

class BuildEconomicNetworkTest {
    static final long DAY = 86_400_000_000_000L;
    static final long MIN = 60_000_000_000L;

    /** An in-memory NetworkStore: assigns ids 1, 2, ... and keeps what it was given. */
    static final class InMemoryNetworkStore implements NetworkStore {
        final List<StoredNetwork> saved = new ArrayList<>();

        @Override
        public long save(StoredNetwork network) {
            long id = saved.size() + 1;
            saved.add(new StoredNetwork(id, network.createdNs(), network.target(), network.significance(),
                    network.parameters(), network.edges()));
            return id;
        }

        @Override
        public List<StoredNetwork> list() {
            return List.copyOf(saved);
        }
    }

    /** 10 days of 1-minute micro rows 14:30-21:00 UTC; ofi leads the 5-minute return by one bar. */
    static NumericTable[] tables() {
        Random r = new Random(99);
        int perDay = 390;
        int days = 10;
        int n = perDay * days;
        long[] ts = new long[n];
        double[] ofi = new double[n];
        double[] vpin = new double[n];
        double[] spread = new double[n];
        double[] ret = new double[n];
        double prevBarOfi = 0;
        double barOfi = 0;
        for (int d = 0; d < days; d++) {
            for (int m = 0; m < perDay; m++) {
                int i = d * perDay + m;
                ts[i] = (20_000 + d) * DAY + (14 * 60 + 30 + m) * MIN;
                if (m % 5 == 0) {
                    prevBarOfi = barOfi;
                    barOfi = 0;
                }
                ofi[i] = r.nextGaussian() * 100;
                barOfi += ofi[i];
                vpin[i] = 0.3 + 0.05 * r.nextGaussian();
                spread[i] = 2 + 0.3 * r.nextGaussian();
                // the return of a bar is the sum of its 1-minute returns: driven by the previous bar's OFI
                ret[i] = 1e-5 * r.nextGaussian() + (m % 5 == 0 ? 2e-7 * prevBarOfi : 0);
            }
        }
        NumericTable micro = new NumericTable(List.of("ofi", "vpin", "spread_bps", "ret_spy_5min"), ts,
                new double[][] {ofi, vpin, spread, ret});
        long[] dts = new long[days + 1];
        double[] dvix = new double[days + 1];
        for (int d = 0; d <= days; d++) {
            dts[d] = (20_000 + d - 1) * DAY;
            dvix[d] = r.nextGaussian();
        }
        NumericTable macro = new NumericTable(List.of("d_VIX"), dts, new double[][] {dvix});
        return new NumericTable[] {micro, macro};
    }

    @Test
    void buildsMergesAndPersistsTheRunWithItsSignificantEdges() {
        NumericTable[] t = tables();
        InMemoryNetworkStore store = new InMemoryNetworkStore();
        BuildEconomicNetwork useCase = new BuildEconomicNetwork(store, () -> 1_700_000_000_000_000_000L);
        BuildEconomicNetwork.Run run = useCase.run(t[0], t[1], MicroMacroMerge.Options.defaults(),
                EconomicNetworkBuilder.Spec.defaults("ret_spy_5min"));
        // 10 days x 78 bars; the macro observation dated the day before each trading day is usable
        assertThat(run.merge().table().rows()).isEqualTo(780);
        assertThat(run.merge().flowColumns()).containsExactly("ofi", "ret_spy_5min");
        assertThat(run.network().edges()).anyMatch(e -> e.source().equals("ofi") && e.target().equals("ret_spy_5min")
                && e.lag() == 1 && e.pValue() < 1e-6);
        assertThat(run.storedId()).hasValue(1);
        StoredNetwork saved = store.list().get(0);
        assertThat(saved.createdNs()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(saved.target()).isEqualTo("ret_spy_5min");
        assertThat(saved.significance()).isEqualTo(0.05);
        assertThat(saved.edges()).hasSize(run.network().edges().size());
        for (int i = 0; i < saved.edges().size(); i++) {
            NetworkEdge e = run.network().edges().get(i);
            StoredNetwork.Edge s = saved.edges().get(i);
            assertThat(s).isEqualTo(new StoredNetwork.Edge(e.source(), e.target(), e.type().wireName(), e.weight(),
                    e.pValue(), e.lag()));
        }
        assertThat(saved.parameters()).containsEntry("macro_variables", "d_VIX")
                .containsEntry("micro_variables", "ofi,vpin,spread_bps")
                .containsEntry("macro_availability_lag_days", "1")
                .containsEntry("irf_shock", "vpin")
                .containsKey("orth_irf.spread_bps");
    }

    @Test
    void withoutAStoreNothingIsPersisted() {
        NumericTable[] t = tables();
        BuildEconomicNetwork.Run run = new BuildEconomicNetwork(null, () -> 0L).run(t[0], t[1],
                MicroMacroMerge.Options.defaults(), EconomicNetworkBuilder.Spec.defaults("ret_spy_5min"));
        assertThat(run.storedId()).isEmpty();
    }

    @Test
    void anEmptyMergeIsAClearError() {
        NumericTable[] t = tables();
        // macro only from far in the future: nothing usable
        NumericTable late = new NumericTable(List.of("d_VIX"), new long[] {30_000 * DAY}, new double[][] {{1.0}});
        assertThatThrownBy(() -> new BuildEconomicNetwork(null, () -> 0L).run(t[0], late,
                MicroMacroMerge.Options.defaults(), EconomicNetworkBuilder.Spec.defaults("ret_spy_5min")))
                .hasMessageContaining("merged micro/macro table is empty");
    }
}
