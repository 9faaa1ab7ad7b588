package org.eimas.micro.application.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eimas.micro.domain.backtest.Backtester;
import org.eimas.micro.domain.strategy.TargetCheck;
import org.eimas.micro.replay.sim.SyntheticMarketConfig;
import org.eimas.micro.replay.sim.SyntheticMarketFeed;
import org.junit.jupiter.api.Test;

class DemoPipelineTest {
    @Test
    void aShortSimulatedSessionGoesThroughEveryStageOutOfSample() throws Exception {
        LocalDate day = LocalDate.of(2024, 6, 3);
        SyntheticMarketFeed feed = new SyntheticMarketFeed(SyntheticMarketConfig.of(List.of("SPY", "QQQ"), day, 2.5, 7), 0);
        DemoPipeline p = new DemoPipeline(feed, null, null, null, null, null, System::nanoTime);
        DemoPipeline.Options o = new DemoPipeline.Options(List.of("SPY", "QQQ"), day, 7, 10_000, 2.0, 60, 15, 0.01);
        List<String> stages = new ArrayList<>();
        DemoResult r = p.run(o, DemoPipeline.syntheticMacro(day, 7), (name, detail) -> stages.add(name));
        assertThat(stages).contains("simulate", "ingest", "models SPY", "models QQQ", "network");
        DemoResult.SymbolResult spy = r.perSymbol().get("SPY");
        int n = spy.features().rows();
        assertThat(n).isBetween(145, 151);
        // nothing is predicted inside the first training window
        for (int i = 0; i < o.trainBars(); i++) {
            assertThat(spy.forecastBps()[i]).isNaN();
        }
        assertThat(spy.forecastBps()[o.trainBars()]).isFinite();
        assertThat(spy.forecast1m().n()).isEqualTo(n - 1 - o.trainBars());
        // OFI explains contemporaneous price changes in the synthetic market (Cont et al.'s finding)
        assertThat(spy.ofiFit().beta()).isPositive();
        assertThat(spy.ofiFit().r2()).isGreaterThan(0.2);
        assertThat(spy.hawkesBuy().branchingRatio()).isBetween(0.0, 1.0);
        // strategies never hold a position inside the calibration window
        for (int i = 0; i < o.trainBars(); i++) {
            assertThat(spy.ofiVpin().positions()[i]).isZero();
        }
        // the backtest of the strategy is the backtester's, re-run independently here
        assertThat(spy.ofiVpin().result().totalReturn()).isEqualTo(Backtester.run(spy.features().column("mid"),
                spy.ofiVpin().positions(), 2.0, Backtester.MINUTE_BARS_PER_YEAR).totalReturn());
        assertThat(r.targets()).extracting(TargetCheck::name).containsExactly("sharpe", "win_rate", "max_drawdown",
                "r2_5min", "ofi_direction_accuracy");
        assertThat(r.network().network().tests()).isNotEmpty();
        assertThat(r.eventCounts().get("trades")).isPositive();
    }
}
