package org.eimas.micro.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.eimas.micro.domain.port.HistoricalMarketData;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.junit.jupiter.api.Test;

class AlpacaModuleTest {
    @Test
    void bindsTheStreamAndTheRestHistory() {
        Injector i = Guice.createInjector(new AlpacaModule(AlpacaConfig.of("AKMOD1", "mod-secret-2")));
        MarketDataFeed feed = i.getInstance(MarketDataFeed.class);
        assertThat(feed).isInstanceOf(AlpacaMarketDataFeed.class);
        assertThat(feed.name()).isEqualTo("alpaca");
        assertThat(feed.toString()).doesNotContain("AKMOD1").doesNotContain("mod-secret-2").contains("/v2/iex");
        assertThat(i.getInstance(HistoricalMarketData.class)).isInstanceOf(AlpacaHistoricalMarketData.class);
    }

    @Test
    void rfc3339KeepsNanoseconds() {
        assertThat(Rfc3339.toNanos("2021-02-22T15:51:45.335689322Z")).isEqualTo(1_614_009_105_335_689_322L);
        assertThat(Rfc3339.of(1_614_009_105_335_689_322L)).isEqualTo("2021-02-22T15:51:45.335689322Z");
        assertThatThrownBy(() -> Rfc3339.toNanos("yesterday")).hasMessageContaining("not an RFC-3339 timestamp: 'yesterday'");
        assertThatThrownBy(() -> AlpacaConfig.of("k", "")).hasMessageContaining("APCA_API_SECRET_KEY");
    }
}
