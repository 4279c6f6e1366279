package org.iomworkbench.cli;

import org.iomworkbench.core.util.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Runs the command line and maps outcomes to exit codes: 0 success, 1 failure, 2 bad input or usage. */
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private Cli() {
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new WorkbenchCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage() + " (see --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof WorkbenchException we) {
                LOG.warn("Command failed: {}", we.getMessage(), we);
                String line = "error: " + we.getMessage()
                        + (we.advice() == null || we.advice().isBlank() ? "" : " " + we.advice());
                commandLine.getErr().println(line.replaceAll("\\R", " "));
                return we.isBadInput() ? BAD_INPUT : FAILURE;
            }
            LOG.error("Command failed unexpectedly", ex);
            commandLine.getErr().println("error: " + ex + " (details in the log)");
            return FAILURE;
        });
        return cl;
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Whether {@code args} ask for the command line rather than the desktop application: the
     * first argument is a command, {@code --help} or {@code --version}. Only the first counts,
     * so that {@code --view audit} or a workspace folder named like a command opens the app.
     */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return new CommandLine(new WorkbenchCommand()).getSubcommands().containsKey(first)
                || first.equals("--help") || first.equals("-h") || first.equals("--version") || first.equals("-V");
    }
}
