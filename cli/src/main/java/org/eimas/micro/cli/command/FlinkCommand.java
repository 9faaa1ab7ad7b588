package org.eimas.micro.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code eimas flink}: the streaming models on Apache Flink. Flink is not in this jar (it dislikes
 * shading into a fat jar): {@code flink run} starts the separately built job jar
 * ({@code flink-job/target/eimas-flink-job.jar}) in a child JVM, passes the arguments through and
 * returns its exit code.
 */
@Command(name = "flink", mixinStandardHelpOptions = true,
        description = "Run the per-symbol models as keyed Apache Flink operators (see 'eimas flink run --help').",
        subcommands = {FlinkCommand.Run.class})
public final class FlinkCommand implements Callable<Integer> {
    /** Environment variable naming the job jar. */
    public static final String JOB_JAR_ENV = "EIMAS_FLINK_JOB_JAR";
    static final String RELATIVE_JAR = "flink-job/target/eimas-flink-job.jar";
    static final List<String> JVM_FLAGS = List.of(
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "run", mixinStandardHelpOptions = false,
            description = {"Run the OFI + VPIN (+ features) job on an in-process Flink MiniCluster (child JVM). Arguments go to the job:",
                    "  --books PATH (repeatable)  canonical book CSV file or directory of *.csv[.gz]",
                    "  --trades PATH (repeatable) canonical trades CSV file or directory",
                    "  --out DIR                  writes ofi/<SYMBOL>.csv, vpin/<SYMBOL>.csv (as eimas ofi / eimas vpin), vpin_alerts/<SYMBOL>.csv",
                    "  --parallelism N            (default 2)",
                    "  --levels N, --window SECONDS         as eimas ofi",
                    "  --bucket-size V, --buckets n, --dollar, --alert-basis, --history, --min-history, --trend   as eimas vpin",
                    "  --features, --paths, --features-window, --features-every, --features-vpin-bucket(s)   features/<SYMBOL>.csv as eimas features",
                    "  --checkpoint-interval SECONDS, --checkpoint-dir URI, --from-savepoint PATH, --max-out-of-orderness SECONDS, --keep-parts",
                    "  --kafka-bootstrap, --books-topic, --trades-topic, --kafka-bounded, --out-topic-prefix; --questdb CONF (or env EIMAS_QUESTDB_ILP)",
                    "Run with --help after 'run' for the job's own help. Java options for the child JVM: env EIMAS_FLINK_JAVA_OPTS."})
    public static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--job-jar", paramLabel = "JAR", description = "The job jar (default: $" + JOB_JAR_ENV + ", else " + RELATIVE_JAR + ").")
        Path jobJar;

        @CommandLine.Unmatched
        List<String> jobArgs = new ArrayList<>();

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path jar = locate(jobJar, System.getenv(JOB_JAR_ENV));
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String opts = System.getenv("EIMAS_FLINK_JAVA_OPTS");
            if (opts != null && !opts.isBlank()) {
                cmd.addAll(List.of(opts.trim().split("\\s+")));
            }
            cmd.addAll(JVM_FLAGS);
            cmd.add("-jar");
            cmd.add(jar.toString());
            cmd.addAll(jobArgs);
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                p.destroy();
                throw e;
            }
        }

        private Path locate(Path option, String env) {
            if (option != null) {
                if (!Files.isRegularFile(option)) {
                    throw new ParameterException(spec.commandLine(), "--job-jar " + option + ": no such file");
                }
                return option;
            }
            if (env != null && !env.isBlank()) {
                Path p = Path.of(env);
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException(JOB_JAR_ENV + "=" + env + ": no such file");
                }
                return p;
            }
            Set<Path> tried = new LinkedHashSet<>();
            tried.add(Path.of(RELATIVE_JAR).toAbsolutePath().normalize());
            try {
                // next to the cli jar: <root>/cli/target/eimas-all.jar -> <root>/flink-job/target/...
                Path self = Path.of(FlinkCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path root = self.getParent() == null ? null : self.getParent().getParent();
                if (root != null && root.getParent() != null) {
                    tried.add(root.getParent().resolve(RELATIVE_JAR).normalize());
                }
            } catch (Exception ignored) {
                // no code source: only the working directory is tried
            }
            for (Path p : tried) {
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("the Flink job jar is not built (looked for " + String.join(", ", tried.stream().map(Path::toString).toList())
                    + "); build it with: mvn -pl flink-job -am package -DskipTests  (or give --job-jar JAR or " + JOB_JAR_ENV + ")");
        }
    }
}
