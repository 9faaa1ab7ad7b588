package org.eimas.micro.polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.eimas.micro.domain.port.HistoricalMarketData;
import org.eimas.micro.domain.port.MarketDataFeed;
import org.junit.jupiter.api.Test;

class PolygonModuleTest {
    @Test
    void bindsTheStreamAndTheRestHistory() {
        Injector i = Guice.createInjector(new PolygonModule(PolygonConfig.of("module-key-1")));
        MarketDataFeed feed = i.getInstance(MarketDataFeed.class);
        assertThat(feed).isInstanceOf(PolygonMarketDataFeed.class).isSameAs(i.getInstance(MarketDataFeed.class));
        assertThat(feed.name()).isEqualTo("polygon");
        assertThat(feed.toString()).doesNotContain("module-key-1").contains("socket.polygon.io");
        assertThat(i.getInstance(HistoricalMarketData.class)).isInstanceOf(PolygonHistoricalMarketData.class);
    }

    @Test
    void aMissingKeyIsAClearError() {
        assertThatThrownBy(() -> PolygonConfig.of(" ")).hasMessageContaining("POLYGON_API_KEY");
    }
}
