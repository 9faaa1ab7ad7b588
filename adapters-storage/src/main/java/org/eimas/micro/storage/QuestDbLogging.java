package org.eimas.micro.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps QuestDB's log off stdout. QuestDB reads the system property {@code out} (a log.conf path)
 * when its log factory first loads; unless the caller has already set it (as the tests do), a
 * log.conf that writes to {@code DIR/log/questdb.log} is written into the data directory and the
 * property is set before any engine class is touched.
 */
final class QuestDbLogging {
    private QuestDbLogging() {
    }

    static synchronized void configure(Path dataDir) {
        if (System.getProperty("out") != null) {
            return;
        }
        try {
            Path logDir = Files.createDirectories(dataDir.resolve("log"));
            Path conf = dataDir.resolve("questdb-log.conf");
            String text = "# written by eimas: QuestDB's log goes to a file, never to stdout\n"
                    + "writers=file\n"
                    + "w.file.class=io.questdb.log.LogFileWriter\n"
                    + "w.file.location=" + logDir.toAbsolutePath().resolve("questdb.log") + "\n"
                    + "w.file.level=INFO,ERROR,CRITICAL,ADVISORY\n";
            Files.writeString(conf, text, StandardCharsets.UTF_8);
            System.setProperty("out", conf.toAbsolutePath().toString());
            // QuestDB announces "Log configuration loaded from ..." on System.err when its log
            // factory starts; load it now with System.err muted so a CLI's stderr stays clean.
            PrintStream err = System.err;
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            try {
                io.questdb.log.LogFactory.getInstance();
            } finally {
                System.setErr(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write QuestDB log configuration in " + dataDir, e);
        }
    }
}
