package org.eimas.micro.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.eimas.micro.domain.market.NumericTable;
import org.junit.jupiter.api.Test;

class EconomicNetworkBuilderTest {

    /** ofi drives the return one bar later, vpin drives spread; depth_imbalance is noise. */
    static NumericTable synthetic(int n, long seed) {
        Random r = new Random(seed);
        double[] ofi = new double[n];
        double[] vpin = new double[n];
        double[] spread = new double[n];
        double[] depth = new double[n];
        double[] ret = new double[n];
        double[] dvix = new double[n];
        long[] ts = new long[n];
        for (int t = 0; t < n; t++) {
            ts[t] = t * MicroMacroMerge.FIVE_MINUTES_NS;
            ofi[t] = r.nextGaussian() * 1000;
            vpin[t] = 0.3 + 0.05 * r.nextGaussian() + (t > 0 ? 0.5 * (vpin[t - 1] - 0.3) : 0);
            spread[t] = 2 + r.nextGaussian() * 0.2 + (t > 0 ? 8 * (vpin[t - 1] - 0.3) : 0);
            depth[t] = r.nextGaussian();
            ret[t] = 1e-4 * r.nextGaussian() + (t > 0 ? 4e-8 * ofi[t - 1] : 0);
            dvix[t] = (t / 78) % 2 == 0 ? 0.5 : -0.3 + 0.01 * (t / 78);
        }
        return new NumericTable(List.of("ofi", "vpin", "spread_bps", "depth_imbalance", "ret_spy_5min", "d_VIX"), ts,
                new double[][] {ofi, vpin, spread, depth, ret, dvix});
    }

    @Test
    void findsTheBuiltInLinksWithTheirTypesAndWeights() {
        NumericTable t = synthetic(2000, 17);
        EconomicNetworkBuilder.Spec spec = EconomicNetworkBuilder.Spec.defaults("ret_spy_5min")
                .withVariables(List.of("ofi", "vpin", "spread_bps", "depth_imbalance"), List.of("d_VIX"));
        EconomicNetwork net = EconomicNetworkBuilder.build(t, spec);
        // 4 micro -> return, 4 * 3 micro <-> micro, 1 * 4 macro -> micro
        assertThat(net.tests()).hasSize(4 + 12 + 4);
        NetworkEdge ofiRet = find(net.edges(), "ofi", "ret_spy_5min");
        assertThat(ofiRet.type()).isEqualTo(EdgeType.MICRO_TO_RETURN);
        assertThat(ofiRet.pValue()).isLessThan(1e-10);
        NetworkEdge vpinSpread = find(net.edges(), "vpin", "spread_bps");
        assertThat(vpinSpread.type()).isEqualTo(EdgeType.MICRO_TO_MICRO);
        assertThat(vpinSpread.lag()).isBetween(1, 3);
        if (vpinSpread.lag() == 1) {
            assertThat(vpinSpread.weight()).isCloseTo(8.0, within(1.0));
        }
        if (ofiRet.lag() == 1) {
            assertThat(ofiRet.weight()).isCloseTo(4e-8, within(1e-8));
        }
        assertThat(net.tests()).anyMatch(e -> e.type() == EdgeType.MACRO_TO_MICRO && e.source().equals("d_VIX"));
        // every kept edge is below the level; every dropped test is not
        for (NetworkEdge e : net.tests()) {
            assertThat(net.edges().contains(e)).isEqualTo(e.pValue() < 0.05);
        }
        // the default IRF: VAR(2) on [shock] + responses
        ShockResponse narrow = net.irf();
        assertThat(net.irfError()).isNull();
        assertThat(narrow.variables()).containsExactly("vpin", "ret_spy_5min", "d_VIX", "spread_bps");
        assertThat(narrow.irf()[1][2]).isCloseTo(8.0, within(1.5));
        // on every network variable in column order; a vpin shock raises the spread a step later
        ShockResponse irf = EconomicNetworkBuilder.build(t, spec.withVarVariables(t.columns())).irf();
        assertThat(irf.variables()).containsExactlyElementsOf(t.columns());
        assertThat(irf.responses()).containsExactly("ret_spy_5min", "d_VIX", "spread_bps");
        assertThat(irf.irf()).hasNumberOfRows(13);
        assertThat(irf.irf()[0]).containsExactly(0, 0, 0);        // Phi_0 = I: no same-step response
        assertThat(irf.irf()[1][2]).isCloseTo(8.0, within(1.5));
        // the same numbers as the VAR fitted directly: column vpin (1) of Phi_h and Theta_h
        double[][] all = new double[t.columns().size()][];
        for (int c = 0; c < all.length; c++) {
            all[c] = t.column(c);
        }
        VarFit direct = VectorAutoregression.fit(t.columns(), all, 2);
        int[] rows = {t.indexOf("ret_spy_5min"), t.indexOf("d_VIX"), t.indexOf("spread_bps")};
        for (int h = 0; h <= 12; h++) {
            for (int r = 0; r < 3; r++) {
                assertThat(irf.irf()[h][r]).isEqualTo(direct.irf(12)[h][rows[r]][1]);
                assertThat(irf.orthIrf()[h][r]).isEqualTo(direct.orthIrf(12)[h][rows[r]][1]);
            }
        }
        // a chosen VAR: vpin first, so its orthogonalised shock moves the spread at step 0 by P[spread][vpin]
        ShockResponse small = EconomicNetworkBuilder.build(t, spec.withVarVariables(List.of("vpin", "spread_bps")))
                .irf();
        assertThat(small.responses()).containsExactly("spread_bps");
        VarFit two = VectorAutoregression.fit(List.of("vpin", "spread_bps"),
                new double[][] {t.column("vpin"), t.column("spread_bps")}, 2);
        assertThat(small.orthIrf()[0][0]).isEqualTo(two.choleskyFactor()[1][0]);
        // the DOT names every kept edge
        String dot = DotExport.toDot(net);
        assertThat(dot).startsWith("digraph economic_network {").contains("\"ofi\" -> \"ret_spy_5min\"");
    }

    @Test
    void benjaminiHochbergKeepsFewerOrEqualEdgesAndReportsQValues() {
        NumericTable t = synthetic(600, 4);
        EconomicNetworkBuilder.Spec spec = EconomicNetworkBuilder.Spec.defaults("ret_spy_5min")
                .withVariables(List.of("ofi", "vpin", "spread_bps", "depth_imbalance"), List.of("d_VIX"));
        EconomicNetwork raw = EconomicNetworkBuilder.build(t, spec);
        EconomicNetwork bh = EconomicNetworkBuilder.build(t, spec.withSignificance(0.05, true));
        assertThat(bh.edges().size()).isLessThanOrEqualTo(raw.edges().size());
        double[] p = raw.tests().stream().mapToDouble(NetworkEdge::pValue).toArray();
        double[] q = BenjaminiHochberg.adjust(p);
        for (int i = 0; i < p.length; i++) {
            assertThat(bh.tests().get(i).qValue()).isEqualTo(q[i]);
            assertThat(bh.edges().contains(bh.tests().get(i))).isEqualTo(q[i] < 0.05);
        }
    }

    @Test
    void aMissingShockVariableIsReportedNotFatal() {
        NumericTable t = synthetic(300, 1);
        EconomicNetwork net = EconomicNetworkBuilder.build(t, EconomicNetworkBuilder.Spec.defaults("ret_spy_5min")
                .withIrf("toxicity", List.of("ret_spy_5min"), 1, 5));
        assertThat(net.irf()).isNull();
        assertThat(net.irfError()).contains("'toxicity'");
        // without a macro list every non-target column is a micro variable
        assertThat(net.tests()).filteredOn(e -> e.type() == EdgeType.MICRO_TO_RETURN).hasSize(5);
    }

    @Test
    void benjaminiHochbergMatchesAHandWorkedExample() {
        // sorted 0.005, 0.01, 0.03, 0.04 (m = 4): 4p/rank = 0.02, 0.02, 0.04, 0.04, already monotone
        double[] q = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005, Double.NaN});
        assertThat(q[0]).isCloseTo(0.02, within(1e-15));
        assertThat(q[1]).isCloseTo(0.04, within(1e-15));
        assertThat(q[2]).isCloseTo(0.04, within(1e-15));
        assertThat(q[3]).isCloseTo(0.02, within(1e-15));
        assertThat(q[4]).isNaN();
        // step-up: 0.01, 0.011 (m=2): 0.02, 0.011 -> first becomes min(0.02, 0.011) = 0.011
        double[] q2 = BenjaminiHochberg.adjust(new double[] {0.01, 0.011});
        assertThat(q2[0]).isCloseTo(0.011, within(1e-15));
        assertThat(q2[1]).isCloseTo(0.011, within(1e-15));
    }

    static NetworkEdge find(List<NetworkEdge> edges, String source, String target) {
        return edges.stream().filter(e -> e.source().equals(source) && e.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + source + " -> " + target + " in " + edges));
    }
}
