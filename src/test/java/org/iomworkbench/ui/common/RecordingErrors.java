package org.iomworkbench.ui.common;

import java.util.ArrayList;
import java.util.List;

/** An {@link ErrorReporter} that keeps what it is told, for tests to look at. */
public final class RecordingErrors implements ErrorReporter {
    public record Report(String activity, Throwable error) {
        public Problem problem() {
            return Problem.of(activity, error);
        }
    }

    public final List<Report> reports = new ArrayList<>();

    @Override
    public void report(String activity, Throwable error) {
        reports.add(new Report(activity, error));
    }
}
