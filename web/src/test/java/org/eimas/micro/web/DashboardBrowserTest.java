package org.eimas.micro.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real browser: headless Chromium loads the page from the running server (synthetic feed) and the
 * test reads the DOM over the DevTools protocol: a VPIN value is shown and it changes as updates arrive.
 * Skips when Chromium is absent outside CI; fails when CI=true and it is absent (.ci/chromium.sh installs it).
 * With -Deimas.screenshot=FILE it also saves a screenshot of the page.
 */
class DashboardBrowserTest {
    /** Deletes the browser profile; Chromium's Singleton* symlinks are removed as links. */
    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // best effort: a temp directory
        }
    }

    @Test
    void theBrowserShowsAVpinValueThatChanges() throws Exception {
        Path chromium = Chromium.find();
        if (chromium == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but no Chromium found (EIMAS_CHROMIUM, /usr/bin/chromium): run .ci/chromium.sh");
            }
            Assumptions.abort("Chromium not found (set EIMAS_CHROMIUM or apt-get install chromium); "
                    + "skipping the headless-browser test of the dashboard");
        }
        Path profile = Files.createTempDirectory("eimas-chromium");
        try (LiveFixture f = new LiveFixture(1.0, 60, 1, null, DashboardSettings.loopback(0));
             Chromium browser = new Chromium(chromium, f.base + "/", profile, 1400, 1000)) {
            f.startFeed();
            String js = "(function(){var e=document.getElementById('vpin-SPY');return e?e.textContent:null;})()";
            String[] first = {null};
            boolean shown = Http.await(() -> {
                try {
                    String v = browser.eval(js);
                    if (v != null && v.matches("\\d+\\.\\d{4}")) {
                        first[0] = v;
                        return true;
                    }
                    return false;
                } catch (Exception e) {
                    return false;
                }
            }, 60_000);
            assertThat(shown).as("a VPIN value is shown for SPY (last text: %s)", browser.eval(js)).isTrue();
            double v1 = Double.parseDouble(first[0]);
            assertThat(v1).isBetween(0.0, 1.0);
            String[] second = {null};
            boolean changed = Http.await(() -> {
                try {
                    String v = browser.eval(js);
                    second[0] = v;
                    return v != null && !v.equals(first[0]) && v.matches("\\d+\\.\\d{4}");
                } catch (Exception e) {
                    return false;
                }
            }, 60_000);
            assertThat(changed).as("VPIN changed from %s (now %s)", first[0], second[0]).isTrue();
            assertThat(Double.parseDouble(second[0])).isBetween(0.0, 1.0);
            // the page shows what the server has: the stream is live and the feed status is known
            assertThat(browser.eval("document.getElementById('stream-state').textContent")).isEqualTo("live");
            assertThat(browser.eval("document.getElementById('feed-status').textContent")).isIn("SUBSCRIBED", "CONNECTED");
            assertThat(browser.eval("document.getElementById('path18-SPY').textContent")).isIn("NONE", "WARNING", "CRITICAL");
            assertThat(browser.eval("document.querySelectorAll('#panel-SPY canvas').length")).isNotEqualTo("0");
            String shot = System.getProperty("eimas.screenshot");
            if (shot != null && !shot.isBlank()) {
                browser.screenshot(Path.of(shot), 1400);
            }
        } finally {
            deleteTree(profile);
        }
    }
}
