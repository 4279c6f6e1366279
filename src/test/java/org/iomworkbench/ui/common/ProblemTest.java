package org.iomworkbench.ui.common;

import org.iomworkbench.core.util.WorkbenchException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    @Test
    void aWorkbenchExceptionSpeaksForItself() {
        Problem p = Problem.of("Opening the workspace",
                new WorkbenchException("The workspace /w is open in another program.", "Close the other window.", false));

        assertThat(p.title()).isEqualTo("Opening the workspace failed");
        assertThat(p.whatHappened()).isEqualTo("The workspace /w is open in another program.");
        assertThat(p.whatToDo()).isEqualTo("Close the other window.");
    }

    @Test
    void aWorkbenchExceptionWrappedInAnotherIsStillFound() {
        Problem p = Problem.of("Loading", new RuntimeException("wrapper",
                new WorkbenchException("Load refused: crimes.csv line 3: bad date", "Fix the date.", true)));

        assertThat(p.whatHappened()).isEqualTo("Load refused: crimes.csv line 3: bad date");
        assertThat(p.whatToDo()).isEqualTo("Fix the date.");
    }

    @Test
    void aWorkbenchExceptionWithoutAdvicePointsToTheLog() {
        Problem p = Problem.of("Reading", new WorkbenchException("It broke.", "", false));
        assertThat(p.whatToDo()).isEqualTo("See the log for details.");
    }

    @Test
    void anUnexpectedExceptionKeepsItsTechnicalTextOutOfTheDialog() {
        Problem p = Problem.of("Browsing", new UncheckedIOException("java.io.IOException: ENOENT", new java.io.IOException()));

        assertThat(p.whatHappened()).isEqualTo("Something unexpected went wrong inside the workbench.");
        assertThat(p.whatHappened() + p.whatToDo()).doesNotContain("ENOENT").doesNotContain("Exception");
        assertThat(p.whatToDo()).contains("log");
    }
}
