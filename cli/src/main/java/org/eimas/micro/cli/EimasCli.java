package org.eimas.micro.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code eimas} command: the composition root of EIMAS-Micro. */
@Command(name = "eimas",
        mixinStandardHelpOptions = true,
        versionProvider = EimasCli.Version.class,
        description = "EIMAS-Micro: market microstructure signals (OFI, VPIN, Hawkes, LASSO, Granger networks) for EIMAS.",
        subcommands = {
                CommandLine.HelpCommand.class,
                org.eimas.micro.cli.command.MacroCommand.class,
                org.eimas.micro.cli.command.GrangerCommand.class,
                org.eimas.micro.cli.command.VarCommand.class,
                org.eimas.micro.cli.command.NetworkCommand.class,
                org.eimas.micro.cli.command.DemoCommand.class,
                org.eimas.micro.cli.command.BacktestCommand.class,
                org.eimas.micro.cli.command.LassoCommand.class,
                org.eimas.micro.cli.command.HawkesCommand.class,
                org.eimas.micro.cli.command.ForecastCommand.class,
                org.eimas.micro.cli.command.OfiCommand.class,
                org.eimas.micro.cli.command.SignCommand.class,
                org.eimas.micro.cli.command.VpinCommand.class,
                org.eimas.micro.cli.command.FeaturesCommand.class,
                org.eimas.micro.cli.command.IngestCommand.class,
                org.eimas.micro.cli.command.SqlCommand.class,
                org.eimas.micro.cli.command.BarsCommand.class,
                org.eimas.micro.cli.command.SimulateCommand.class,
                org.eimas.micro.cli.command.ConvertCommand.class,
                org.eimas.micro.cli.command.StreamCommand.class,
                org.eimas.micro.cli.command.HistoryCommand.class,
                org.eimas.micro.cli.command.ModelsCommand.class,
                org.eimas.micro.cli.command.AlertsCommand.class,
                org.eimas.micro.cli.command.NetworksCommand.class,
                org.eimas.micro.cli.command.RunsCommand.class,
                org.eimas.micro.cli.command.ServeCommand.class,
                org.eimas.micro.cli.command.FlinkCommand.class,
        })
public final class EimasCli implements Callable<Integer> {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EimasCli());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose") || isVerbose(parseResult);
            PrintWriter err = commandLine.getErr();
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.println("eimas " + commandLine.getCommandName() + ": " + message(ex));
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("eimas: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return 2;
        });
        return cl;
    }

    private static boolean isVerbose(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** One line: the message of the exception, or its type when it has none. */
    static String message(Throwable ex) {
        Throwable t = ex;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EimasCli.class.getPackage().getImplementationVersion();
            return new String[] {"eimas " + (v == null ? "development build" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
