package org.iomworkbench.core.generate;

/** The files the generator writes, with their headers, relative to the output folder. */
enum Output {
    NOMINALS("nominals.csv", "source,source_person_id,surname,forenames,date_of_birth,gender,ethnicity,postcode,pnc_id"),
    CRIMES("crimes.csv", "crime_ref,source_person_id,offence_code,offence_date,recorded_date,alcohol_related"),
    CUSTODY("custody.csv", "custody_ref,source_person_id,arrest_date,offence_code"),
    PRISON("prison.csv", "source,source_person_id,entry_date,release_date"),
    DRUG_TESTS("drug_tests.csv", "test_ref,source_person_id,test_date,substance,result"),
    MARKERS("markers.csv", "source,source_person_id,marker,start_date,end_date"),
    PERSON_MAP("truth/person_map.csv", "source,source_person_id,person_id"),
    PERSONS("truth/persons.csv", "person_id,surname,forenames,date_of_birth,gender,ethnicity,postcode,pnc_id,"
            + "onset_date,desistance_date,base_rate,favourite_group,bias_group,offences,recorded_offences,"
            + "in_prison_at_end"),
    OFFENCES("truth/offences.csv", "person_id,crime_ref,offence_code,offence_date,recorded,alcohol_related,"
            + "co_offence,phase,alcohol_dependent,opiates,cocaine"),
    EPISODES("truth/episodes.csv", "person_id,kind,start_date,end_date"),
    RECORD_ERRORS("truth/record_errors.csv", "source,source_person_id,errors");

    final String path;
    final String header;

    Output(String path, String header) {
        this.path = path;
        this.header = header;
    }

    /** The path of the file relative to the output folder, with '/' separators. */
    public String path() {
        return path;
    }
}
