package org.iomworkbench;

import org.iomworkbench.cli.Cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** For tests that drive the command line in-process: what the last command printed, and the ids it named. */
public abstract class CliRunning {
    /** What the last command wrote to standard output and to standard error. */
    protected String out;
    protected String err;

    /** Runs a command line; its exit code. */
    protected int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(args, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** The number on the last command's line {@code KEY: N} (e.g. {@code run: 3}). */
    protected int id(String key) {
        return Integer.parseInt(out.replaceAll("(?s).*\\n" + key + ": (\\d+).*", "$1").strip());
    }
}
