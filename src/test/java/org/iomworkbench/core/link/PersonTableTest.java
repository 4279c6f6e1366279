package org.iomworkbench.core.link;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's attributes by section 0 of the RFSDi spec, and stable person ids. */
class PersonTableTest {
    private static NominalRecord rec(String source, String id, String sn, String fn, LocalDate dob, String g, String eth) {
        return new NominalRecord(new RecordKey(source, id), 1, sn, fn, dob, g, eth, null, null);
    }

    @Test
    void mostCommonNonMissingValueWithTiesToTheFirstRecord() {
        LocalDate d1 = LocalDate.of(1990, 1, 2);
        LocalDate d2 = LocalDate.of(1990, 2, 1);
        List<NominalRecord> rs = List.of(
                rec("CRIMES", "A", "Smith", "John", d2, "U", null),
                rec("CRIMES", "B", "Smith", "Jon", d1, "M", "W1"),
                rec("CUSTODY", "C", "Smith", "Jon", d1, "U", "W2"),
                rec("DIP", "D", "Smith", "John", null, "U", ""));
        PersonTable.Attributes a = PersonTable.choose(rs);
        assertThat(a.dateOfBirth()).isEqualTo(d1);          // 2 against 1, missing ignored
        assertThat(a.gender()).isEqualTo("M");              // U counts as missing
        assertThat(a.ethnicity()).isEqualTo("W1");          // tie: the first record in key order
        assertThat(a.forenames()).isEqualTo("John");        // tie 2-2: the first record's name
        assertThat(a.surname()).isEqualTo("Smith");
        PersonTable.Attributes none = PersonTable.choose(List.of(rec("X", "1", "", "J", null, "U", null)));
        assertThat(none.gender()).isEqualTo("U");
        assertThat(none.dateOfBirth()).isNull();
    }

    @Test
    void personIdDependsOnlyOnTheFirstRecord() {
        String id = PersonTable.personId(new RecordKey("CRIMES", "CR1"));
        assertThat(id).startsWith("P").hasSize(17).isEqualTo(PersonTable.personId(new RecordKey("CRIMES", "CR1")));
        assertThat(id).isNotEqualTo(PersonTable.personId(new RecordKey("CUSTODY", "CR1")));
    }
}
