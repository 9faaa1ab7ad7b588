package org.eimas.micro.web;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a screenshot of a running dashboard for the documentation:
 * {@code java -cp cli/target/eimas-all.jar:web/target/test-classes org.eimas.micro.web.DashboardScreenshot URL OUT.png [WAIT_SECONDS]}.
 */
public final class DashboardScreenshot {
    private DashboardScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path chromium = Chromium.find();
        if (chromium == null) {
            throw new IllegalStateException("Chromium not found (set EIMAS_CHROMIUM)");
        }
        Path profile = Files.createTempDirectory("eimas-shot");
        double wait = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        try (Chromium b = new Chromium(chromium, args[0], profile, 1400, 1000)) {
            Thread.sleep((long) (wait * 1000));
            b.screenshot(Path.of(args[1]), 1400);
        }
        System.out.println("wrote " + args[1]);
    }
}
