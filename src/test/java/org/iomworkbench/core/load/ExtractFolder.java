package org.iomworkbench.core.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A small extract folder that follows the spec, to be bent one way per test case. */
final class ExtractFolder {
    static final String HARM = """
            offence_code,description,crime_group,harm_days
            SHOPLIFTING,Shoplifting,THEFT,1
            VIOLENCE_WITH_INJURY,Violence with injury,VIOLENCE,365
            RESIDENTIAL_BURGLARY,Residential burglary,BURGLARY,273.5
            """;
    static final String NOMINALS = """
            source,source_person_id,surname,forenames,date_of_birth,gender,ethnicity,postcode,pnc_id
            CRIMES,C1,Smith,John,1990-01-02,M,W1,B1 1AA,01/123456A
            CRIMES,C2,Jones,Amy,1985-05-06,F,B2,B2 2BB,
            CUSTODY,K1,Smith,J,1990-01-02,M,,B1 1AA,01/123456A
            DIP,D1,Smith,John,1990-01-02,M,W1,,
            """;
    static final String CRIMES = """
            crime_ref,source_person_id,offence_code,offence_date,recorded_date,alcohol_related
            CR1,C1,SHOPLIFTING,2020-01-01,2020-01-02,N
            CR2,C1,VIOLENCE_WITH_INJURY,2021-03-04,,Y
            CR3,C2,RESIDENTIAL_BURGLARY,2022-05-06,2022-05-07,
            """;
    static final String CUSTODY = """
            custody_ref,source_person_id,arrest_date,offence_code
            CU1,K1,2020-01-01,SHOPLIFTING
            CU2,K1,2021-03-05,
            """;
    static final String PRISON = """
            source,source_person_id,entry_date,release_date
            CRIMES,C1,2021-06-01,2022-01-01
            CRIMES,C2,2022-06-01,
            """;
    static final String DRUG_TESTS = """
            test_ref,source_person_id,test_date,substance,result
            TR1,D1,2020-01-02,OPIATES,POSITIVE
            TR2,D1,2021-03-05,BOTH,NEGATIVE
            """;
    static final String MARKERS = """
            source,source_person_id,marker,start_date,end_date
            CRIMES,C1,ALCOHOL_DEPENDENCY,2021-01-01,
            """;

    /** Rows in the base folder per file, header excluded. */
    static final Map<String, Integer> BASE_ROWS = Map.of("harm_index.csv", 3, "nominals.csv", 4, "crimes.csv", 3,
            "custody.csv", 2, "prison.csv", 2, "drug_tests.csv", 2, "markers.csv", 1);

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    ExtractFolder() {
        text("harm_index.csv", HARM);
        text("nominals.csv", NOMINALS);
        text("crimes.csv", CRIMES);
        text("custody.csv", CUSTODY);
        text("prison.csv", PRISON);
        text("drug_tests.csv", DRUG_TESTS);
        text("markers.csv", MARKERS);
    }

    ExtractFolder text(String name, String content) {
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    ExtractFolder bytes(String name, byte[] content) {
        files.put(name, content);
        return this;
    }

    ExtractFolder edit(String name, UnaryOperator<String> change) {
        return text(name, change.apply(new String(files.get(name), StandardCharsets.UTF_8)));
    }

    ExtractFolder remove(String name) {
        files.remove(name);
        return this;
    }

    Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }
}
