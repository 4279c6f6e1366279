package org.iomworkbench.cli;

import org.iomworkbench.app.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the headless command line: {@code java -jar iom-workbench.jar COMMAND ...}. */
@Command(name = "iom-workbench",
        mixinStandardHelpOptions = true,
        // --help and --version on every command too
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = WorkbenchCommand.VersionProvider.class,
        description = {"IOM Workbench: harm scores and escalation models for Integrated Offender Management.",
                "With no command it opens the desktop application."},
        subcommands = {GenerateCommand.class, LoadCommand.class, SnapshotsCommand.class, RejectionsCommand.class, DisposeCommand.class,
                LinkCommand.class, PersonsCommand.class, ScoreCommand.class, TrainCommand.class, PredictCommand.class, EvaluateCommand.class, PublishCommand.class, ReproduceCommand.class, EraseCommand.class, MonitorCommand.class,
                AuditCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (a load that kept some rows aside is a success)",
                "1:failure, including a failed check such as a broken audit trail",
                "2:bad input or usage"})
public final class WorkbenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"IOM Workbench " + Version.get()};
        }
    }
}
