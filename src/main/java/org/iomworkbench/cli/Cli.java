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
            // a mistyped command or option: the nearest ones ("Did you mean: ...")
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
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
     * first argument is a word (a command, or a mistyped one, which the command line then names
     * with the nearest commands instead of opening a window), {@code --help} or {@code --version}.
     * The desktop application takes only options ({@code --sample-data}, {@code --workspace W},
     * {@code --view V}), so {@code --workspace load} still opens it.
     */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return !first.startsWith("-")
                || first.equals("--help") || first.equals("-h") || first.equals("--version") || first.equals("-V");
    }
}
