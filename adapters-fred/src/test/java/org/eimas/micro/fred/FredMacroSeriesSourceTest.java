package org.eimas.micro.fred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.domain.store.MacroSeries.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FredMacroSeriesSourceTest {
    private static final LocalDate FROM = LocalDate.parse("2024-01-01");
    private static final LocalDate TO = LocalDate.parse("2024-12-31");

    private FakeFredServer server;
    private final List<Long> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeFredServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FredMacroSeriesSource source(String key, int pageLimit) {
        FredSettings s = FredSettings.of(server.baseUrl() + "/", key).withPageLimit(pageLimit)
                .withRetries(3, Duration.ofMillis(250), Duration.ofSeconds(2));
        RequestRateLimiter noWait = new RequestRateLimiter(120, Duration.ofMinutes(1), System::nanoTime, n -> { });
        return new FredMacroSeriesSource(s, HttpClient.newHttpClient(), noWait, sleeps::add);
    }

    @Test
    void readsTwoPagesAndKeepsTheMissingValueMissing() {
        MacroSeries s = source(FakeFredServer.KEY, 3).fetch("VIXCLS", FROM, TO, Optional.empty());
        assertThat(s.id()).isEqualTo("VIXCLS");
        assertThat(s.observations()).extracting(Observation::date).extracting(LocalDate::toString)
                .containsExactly("2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08");
        Observation missing = s.observations().get(2);
        assertThat(missing.missing()).isTrue();
        assertThat(missing.value()).isNaN();
        assertThat(s.observations().get(0).value()).isEqualTo(13.20);
        assertThat(s.observations().get(4).value()).isEqualTo(13.08);
        assertThat(s.observations().stream().filter(o -> !o.missing())).allMatch(o -> o.value() > 13.0);
        // two requests: offset 0 and 3, limit 3, with FRED's parameters
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(0)).containsEntry("offset", "0").containsEntry("limit", "3")
                .containsEntry("file_type", "json").containsEntry("observation_start", "2024-01-01")
                .containsEntry("observation_end", "2024-12-31").containsEntry("series_id", "VIXCLS")
                .doesNotContainKey("realtime_start");
        assertThat(server.requests.get(1)).containsEntry("offset", "3");
        assertThat(s.observations().get(0).realtimeStart()).isEqualTo(FakeFredServer.TODAY);
    }

    @Test
    void onePageWhenEverythingFits() {
        FredMacroSeriesSource src = source(FakeFredServer.KEY, 100_000);
        assertThat(src.fetch("VIXCLS", FROM, TO, Optional.empty()).observations()).hasSize(5);
        assertThat(server.requests).hasSize(1);
        assertThat(src.requestCount()).isEqualTo(1);
    }

    @Test
    void retries429WithBackoffThenSucceeds() {
        MacroSeries s = source(FakeFredServer.KEY, 1000).fetch("DGS10", FROM, TO, Optional.empty());
        assertThat(s.observations()).extracting(Observation::value).containsExactly(3.95, 3.91);
        assertThat(server.requests).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(250).toNanos()); // Retry-After: 0 is shorter
    }

    @Test
    void gives5xxUpAfterMaxAttemptsWithExponentialBackoff() {
        assertThatThrownBy(() -> source(FakeFredServer.KEY, 1000).fetch("DOWN", FROM, TO, Optional.empty()))
                .isInstanceOf(FredApiException.class)
                .hasMessageContaining("FRED series DOWN: HTTP 503")
                .hasMessageContaining("after 3 attempts")
                .hasMessageNotContaining(FakeFredServer.KEY);
        assertThat(server.requests).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(250).toNanos(), Duration.ofMillis(500).toNanos());
    }

    @Test
    void unknownSeriesIsAClear400NamingTheSeriesWithoutRetry() {
        assertThatThrownBy(() -> source(FakeFredServer.KEY, 1000).fetch("NOSUCHSERIES", FROM, TO, Optional.empty()))
                .isInstanceOf(FredApiException.class)
                .hasMessage("FRED rejected the request for series NOSUCHSERIES (HTTP 400): Bad Request. "
                        + "The series does not exist.")
                .satisfies(e -> assertThat(((FredApiException) e).status()).isEqualTo(400));
        assertThat(server.requests).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void badKeyIsA400AndTheKeyIsNeverInTheMessage() {
        String wrong = "0000wrongkey0000";
        assertThatThrownBy(() -> source(wrong, 1000).fetch("VIXCLS", FROM, TO, Optional.empty()))
                .isInstanceOf(FredApiException.class)
                .hasMessageContaining("series VIXCLS (HTTP 400)")
                .hasMessageContaining("api_key is not registered")
                .hasMessageNotContaining(wrong);
        assertThat(server.requests.get(0)).containsEntry("api_key", wrong);
    }

    @Test
    void missingKeyFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> source(null, 1000).fetch("VIXCLS", FROM, TO, Optional.empty()))
                .hasMessageContaining("FRED_API_KEY").hasMessageContaining("eimas macro import");
        assertThat(server.requests).isEmpty();
        assertThat(FredSettings.of(null, FakeFredServer.KEY).toString()).doesNotContain(FakeFredServer.KEY)
                .contains("apiKey=set");
    }

    @Test
    void asOfReturnsTheVintageKnownOnThatDate() {
        FredMacroSeriesSource src = source(FakeFredServer.KEY, 1000);
        assertThat(value(src.fetch("GDP", FROM.minusYears(1), TO, Optional.of(LocalDate.parse("2024-05-01"))))).isEqualTo(100.0);
        assertThat(server.requests.get(0)).containsEntry("realtime_start", "2024-05-01").containsEntry("realtime_end", "2024-05-01");
        assertThat(value(src.fetch("GDP", FROM.minusYears(1), TO, Optional.of(LocalDate.parse("2024-05-30"))))).isEqualTo(101.5);
        assertThat(value(src.fetch("GDP", FROM.minusYears(1), TO, Optional.of(LocalDate.parse("2024-12-31"))))).isEqualTo(102.25);
        // before the advance estimate the quarter is simply not there yet
        MacroSeries early = src.fetch("GDP", FROM.minusYears(1), TO, Optional.of(LocalDate.parse("2024-03-01")));
        assertThat(early.observations()).extracting(Observation::date).containsExactly(LocalDate.parse("2023-10-01"));
        // latest (no as-of): today's revision
        assertThat(value(src.fetch("GDP", FROM.minusYears(1), TO, Optional.empty()))).isEqualTo(102.25);
    }

    @Test
    void asOfFiltersRowsOutsideTheVintageEvenIfTheServerSendsThem() {
        FredMacroSeriesSource src = source(FakeFredServer.KEY, 2);
        MacroSeries s = src.fetch("ALLVINTAGES", FROM.minusYears(1), TO, Optional.of(LocalDate.parse("2024-06-15")));
        assertThat(s.observations()).hasSize(2);
        assertThat(value(s)).isEqualTo(101.5);
        assertThat(server.requests).hasSize(2); // 4 rows, 2 per page
        assertThatThrownBy(() -> src.fetch("ALLVINTAGES", FROM.minusYears(1), TO, Optional.empty()))
                .hasMessageContaining("two values for 2024-01-01");
    }

    @Test
    void aServerThatIgnoresTheOffsetIsAnErrorNotALoop() {
        assertThatThrownBy(() -> source(FakeFredServer.KEY, 3).fetch("NOPAGING", FROM, TO, Optional.empty()))
                .hasMessage("FRED series NOPAGING: asked for offset 3, the answer is for offset 0 (the server does not page)");
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aValueThatIsNeitherNumberNorDotIsAnError() {
        assertThatThrownBy(() -> source(FakeFredServer.KEY, 1000).fetch("BADVALUE", FROM, TO, Optional.empty()))
                .hasMessageContaining("FRED series BADVALUE on 2024-01-02: value 'n/a'");
    }

    @Test
    void badArgumentsAreRejected() {
        FredMacroSeriesSource src = source(FakeFredServer.KEY, 1000);
        assertThatThrownBy(() -> src.fetch("DGS10&x=1", FROM, TO, Optional.empty())).hasMessageContaining("not a FRED series id");
        assertThatThrownBy(() -> src.fetch("DGS10", TO, FROM, Optional.empty())).hasMessageContaining("is after");
        assertThatThrownBy(() -> FredSettings.of("ftp://x", "k")).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> FredSettings.of(null, "k").withRequestsPerMinute(121)).hasMessageContaining("FRED's limit");
    }

    @Test
    void backoffDoublesUpToTheCapAndHonoursRetryAfter() {
        FredMacroSeriesSource src = source(FakeFredServer.KEY, 1000);
        assertThat(src.backoff(1, null)).isEqualTo(Duration.ofMillis(250));
        assertThat(src.backoff(2, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(src.backoff(3, null)).isEqualTo(Duration.ofMillis(1000));
        assertThat(src.backoff(5, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(src.backoff(40, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(src.backoff(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(src.backoff(1, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(2));
    }

    private static double value(MacroSeries s) {
        return s.observations().stream().filter(o -> o.date().equals(LocalDate.parse("2024-01-01"))).findFirst()
                .orElseThrow().value();
    }
}
