package org.iomworkbench.ui.shell;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchOptionsTest {

    @Test
    void noArgumentsOpenTheDataViewOfTheUsualWorkspace() {
        LaunchOptions o = LaunchOptions.parse(List.of());
        assertThat(o.sampleData()).isFalse();
        assertThat(o.workspace()).isNull();
        assertThat(o.view()).isEqualTo(Destination.DATA);
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void everyArgumentIsUnderstood() {
        LaunchOptions o = LaunchOptions.parse(List.of("--workspace", "/tmp/ws", "--sample-data", "--view", "audit"));
        assertThat(o.sampleData()).isTrue();
        assertThat(o.workspace()).isEqualTo(Path.of("/tmp/ws"));
        assertThat(o.view()).isEqualTo(Destination.AUDIT);
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void valuesCanFollowAnEqualsSign() {
        LaunchOptions o = LaunchOptions.parse(List.of("--view=help", "--workspace=/tmp/a=b"));
        assertThat(o.view()).isEqualTo(Destination.HELP);
        assertThat(o.workspace()).isEqualTo(Path.of("/tmp/a=b"));
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void everyViewCanBeNamed() {
        for (String name : List.of("data", "match", "scores", "models", "validation", "publish", "audit", "help")) {
            assertThat(LaunchOptions.parse(List.of("--view", name)).view().argument()).isEqualTo(name);
        }
    }

    @Test
    void whatIsNotUnderstoodIsReportedAndIgnored() {
        LaunchOptions o = LaunchOptions.parse(List.of("--view", "charts", "--colour", "--workspace"));
        assertThat(o.view()).isEqualTo(Destination.DATA);
        assertThat(o.workspace()).isNull();
        assertThat(o.problems()).hasSize(3);
        assertThat(o.problems().get(0)).contains("--view needs one of data, match");
        assertThat(o.problems().get(1)).isEqualTo("unknown argument --colour");
        assertThat(o.problems().get(2)).isEqualTo("--workspace needs a folder");
    }
}
