package org.eimas.micro.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkCommandTest {
    @TempDir
    Path tmp;

    @Test
    void missingJobJarIsAClearErrorSayingHowToBuildIt() {
        CliRun r = CliRun.run("flink", "run", "--job-jar", tmp.resolve("nope.jar").toString(), "--books", "x");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--job-jar").contains("nope.jar").contains("no such file");
    }

    @Test
    void jobJarFromTheEnvironmentThatIsMissingIsAClearError() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.eimas.micro.cli.EimasCli", "flink", "run", "--books", "x");
        pb.environment().put(FlinkCommand.JOB_JAR_ENV, tmp.resolve("gone.jar").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().collect(Collectors.joining("\n"));
        }
        assertThat(p.waitFor()).as(out).isEqualTo(1);
        assertThat(out).contains("EIMAS_FLINK_JOB_JAR=").contains("gone.jar: no such file");
    }

    /** Builds a jar whose main class echoes its arguments and JVM flags, run as the "job jar". */
    private Path echoJar() throws Exception {
        Path jar = tmp.resolve("echo.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FlinkEchoMain.class.getName());
        String entry = FlinkEchoMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, mf);
             InputStream in = FlinkEchoMain.class.getClassLoader().getResourceAsStream(entry)) {
            jos.putNextEntry(new JarEntry(entry));
            in.transferTo(jos);
            jos.closeEntry();
        }
        return jar;
    }

    @Test
    void runsTheJobJarInAChildJvmWithTheFlagsPassesArgumentsAndRelaysTheExitCode() throws Exception {
        Path jar = echoJar();
        // the child inherits this JVM's stdout (a file descriptor), so run the CLI in a child JVM too and capture it
        String cp = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                "org.eimas.micro.cli.EimasCli", "flink", "run", "--job-jar", jar.toString(),
                "--books", "dir with space", "--out", "o", "--parallelism", "2", "--exit", "3");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().collect(Collectors.joining("\n"));
        }
        assertThat(p.waitFor()).as(out).isEqualTo(3);
        assertThat(out).contains("args=--books|dir with space|--out|o|--parallelism|2|--exit|3");
        assertThat(out).contains("--add-opens=java.base/java.util=ALL-UNNAMED").contains("--add-opens=java.base/java.lang=ALL-UNNAMED");
        assertThat(List.of(out.split("\n"))).noneMatch(l -> l.contains("--job-jar"));
    }
}
