package org.iomworkbench.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The desktop application's arguments, as {@code --name value} or {@code --name=value}.
 *
 * @param sampleData load the bundled sample data when the workspace has no snapshot yet
 * @param workspace  the workspace to open, or null for the last one used (or the default)
 * @param view       where to open, e.g. for screenshots of each view
 * @param problems   arguments that were not understood, in words, for the log
 */
public record LaunchOptions(boolean sampleData, Path workspace, Destination view, List<String> problems) {

    public static LaunchOptions parse(List<String> args) {
        boolean sample = false;
        Path workspace = null;
        Destination view = Destination.DATA;
        List<String> problems = new ArrayList<>();
        List<String> split = new ArrayList<>();
        for (String a : args) {
            // "--view=audit" as well as "--view audit"
            int eq = a.startsWith("--") ? a.indexOf('=') : -1;
            if (eq > 0) {
                split.add(a.substring(0, eq));
                split.add(a.substring(eq + 1));
            } else {
                split.add(a);
            }
        }
        for (int i = 0; i < split.size(); i++) {
            String a = split.get(i);
            switch (a) {
                case "--sample-data" -> sample = true;
                case "--workspace" -> {
                    if (i + 1 < split.size()) {
                        workspace = Path.of(split.get(++i));
                    } else {
                        problems.add("--workspace needs a folder");
                    }
                }
                case "--view" -> {
                    Destination d = i + 1 < split.size() ? Destination.byArgument(split.get(++i)) : null;
                    if (d != null) {
                        view = d;
                    } else {
                        problems.add("--view needs one of " + Arrays.stream(Destination.values())
                                .map(Destination::argument).collect(Collectors.joining(", ")));
                    }
                }
                default -> problems.add("unknown argument " + a);
            }
        }
        return new LaunchOptions(sample, workspace, view, List.copyOf(problems));
    }
}
