package org.iomworkbench.core.link;

import java.time.LocalDate;

/** One person record as loaded (nominals.csv), for the person table and for review. */
public record NominalRecord(RecordKey key, long rowNo, String surname, String forenames, LocalDate dateOfBirth,
                            String gender, String ethnicity, String postcode, String pncId) {
}
