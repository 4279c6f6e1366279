package org.iomworkbench.core.model;

import org.iomworkbench.core.util.WorkbenchException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The four dates of a model run: derived from the end of the data, and checked when set. */
class ModelConfigTest {
    static final LocalDate END = LocalDate.of(2024, 12, 31);

    @Test
    void theDatesAreAYearApartBackFromTheEndOfTheData() {
        ModelConfig.Dates d = new ModelConfig().dates(END);
        assertThat(d.test()).isEqualTo(END.minusDays(365));
        assertThat(d.valid()).isEqualTo(d.test().minusDays(365));
        assertThat(d.train()).isEqualTo(d.valid().minusDays(365));
        assertThat(d.calibration()).isEqualTo(d.train().minusDays(365));
    }

    @Test
    void aCalibrationYearReachingIntoTrainingIsRefused() {
        ModelConfig c = new ModelConfig();
        LocalDate train = new ModelConfig().dates(END).train();
        c.calibrationDate = train.minusDays(364).toString();
        assertThatThrownBy(() -> c.dates(END)).isInstanceOf(WorkbenchException.class)
                .hasMessageContaining("must be at least 365 days before the training date");
        c.calibrationDate = train.minusDays(365).toString();
        assertThat(c.dates(END).calibration()).isEqualTo(train.minusDays(365));
        c.calibrationDate = train.minusDays(800).toString();
        assertThat(c.dates(END).calibration()).isEqualTo(train.minusDays(800));
    }

    @Test
    void scoringParametersMustBeDaysWhenSet() {
        ModelConfig c = new ModelConfig();
        c.halfLifeDays = 0.0;
        assertThatThrownBy(c::validate).isInstanceOf(WorkbenchException.class).hasMessageContaining("halfLifeDays");
        c.halfLifeDays = 180.0;
        c.windowDays = -1;
        assertThatThrownBy(c::validate).isInstanceOf(WorkbenchException.class).hasMessageContaining("windowDays");
        c.windowDays = 200;
        c.validate();
        assertThat(ModelConfig.fromJson(c.toJson()).halfLifeDays).isEqualTo(180.0);
    }

    @Test
    void datesOutOfOrderAreRefused() {
        ModelConfig c = new ModelConfig();
        c.validDate = "2020-01-01";
        c.trainDate = "2021-01-01";
        assertThatThrownBy(() -> c.dates(END)).isInstanceOf(WorkbenchException.class).hasMessageContaining("in the order");
    }
}
