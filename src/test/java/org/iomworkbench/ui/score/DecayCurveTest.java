package org.iomworkbench.ui.score;

import org.iomworkbench.core.score.ScoreData;
import org.iomworkbench.core.score.Scorer;
import org.iomworkbench.core.score.Weights;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The drawn decay is the engine's: one offence and one prison stay, scored day by day. */
class DecayCurveTest {
    @Test
    void theCurveIsWhatTheEngineGivesOneOffenceWithAPrisonStay() {
        LocalDate offence = LocalDate.of(2020, 3, 1);
        ScoreData d = new ScoreData.Builder()
                .harm("VIOLENCE_WITH_INJURY", "VIOLENCE", 365)
                .record("CRIMES", "C1", "P1")
                .record("PRISON", "N1", "P1")
                .crime("CR1", "C1", "VIOLENCE_WITH_INJURY", offence, false)
                .prison("PRISON", "N1", offence.plusDays(200), offence.plusDays(500))
                .build();
        DecayCurve c = new DecayCurve("VIOLENCE_WITH_INJURY", 365, 180, 200, 500);
        for (int t : new int[]{0, 1, 90, 199, 200, 201, 350, 499, 500, 501, 800}) {
            double s = Scorer.score(d, offence.plusDays(t), 180, 730, 365, Weights.ONE, null).s(0);
            assertThat(c.contribution(t)).as("day " + t).isCloseTo(s, within(1e-12));
        }
        assertThat(c.h()).isEqualTo(Math.log10(366));
        assertThat(c.contribution(180)).isCloseTo(c.h() / 2, within(1e-12));
        assertThat(c.contribution(350)).isEqualTo(c.contribution(200));
        assertThat(c.contribution(500)).isLessThan(c.contribution(499));
        assertThat(c.span()).isEqualTo(720);
    }
}
