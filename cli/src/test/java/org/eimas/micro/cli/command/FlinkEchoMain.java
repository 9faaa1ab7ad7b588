package org.eimas.micro.cli.command;

import java.lang.management.ManagementFactory;

/** Stands in for the Flink job jar in {@link FlinkCommandTest}: prints what it got and exits with --exit N. */
public final class FlinkEchoMain {
    private FlinkEchoMain() {
    }

    public static void main(String[] args) {
        System.out.println("args=" + String.join("|", args));
        System.out.println("jvm=" + String.join("|", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        int code = 0;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--exit")) {
                code = Integer.parseInt(args[i + 1]);
            }
        }
        System.exit(code);
    }
}
