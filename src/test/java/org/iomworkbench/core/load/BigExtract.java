package org.iomworkbench.core.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a large but simple extract folder (for cancellation, kill and speed tests):
 * {@code persons} CRIMES nominals and ten crimes each. Not realistic data; the generator of
 * the next issue makes that.
 */
public final class BigExtract {
    private static final String[] CODES = {"SHOPLIFTING", "VIOLENCE_WITH_INJURY", "RESIDENTIAL_BURGLARY"};

    private BigExtract() {
    }

    public static Path write(Path dir, int persons) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("harm_index.csv"), ExtractFolder.HARM);
        SplittableRandom rnd = new SplittableRandom(42);
        LocalDate base = LocalDate.of(2015, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("nominals.csv"))) {
            w.write("source,source_person_id,surname,forenames,date_of_birth,gender,ethnicity,postcode,pnc_id\n");
            for (int i = 0; i < persons; i++) {
                w.write("CRIMES,P" + i + ",Surname" + (i % 5000) + ",Forename" + (i % 700) + ","
                        + base.minusDays(7000 + rnd.nextInt(15000)) + "," + (rnd.nextInt(10) < 8 ? "M" : "F")
                        + ",W1,B" + (i % 90) + " 1AA,\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("crimes.csv"))) {
            w.write("crime_ref,source_person_id,offence_code,offence_date,recorded_date,alcohol_related\n");
            long ref = 0;
            for (int i = 0; i < persons; i++) {
                for (int k = 0; k < 10; k++) {
                    LocalDate d = base.plusDays(rnd.nextInt(3600));
                    w.write("CR" + (ref++) + ",P" + i + "," + CODES[rnd.nextInt(3)] + "," + d + "," + d.plusDays(2) + ","
                            + (rnd.nextBoolean() ? "Y" : "N") + "\n");
                }
            }
        }
        return dir;
    }
}
