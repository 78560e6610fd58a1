package io.siyu.customers.internal.recording;

import static io.siyu.customers.TouchFixtures.alias;
import static io.siyu.customers.TouchFixtures.group;
import static io.siyu.customers.TouchFixtures.identify;
import static io.siyu.customers.TouchFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.customers.internal.vault.PersonalDataVault;
import io.siyu.shared.PersonalData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** What the timeline keeps of each type of touch, and where it seals the personal values the identity rules read. */
class TimelineRowsTests {

    final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path keys;

    TimelineRows rows() {
        return new TimelineRows(
                PersonalDataVault.open(null, keys.resolve("keys.json"), json, new PersonalData("CN")), json);
    }

    @Test
    void anIdentifyKeepsItsTraitsAsItsProperties() {
        var touch = identify().traits("{\"plan\":\"gold\"}").build();

        assertThat(rows().properties(touch)).isEqualTo(touch.traits());
    }

    @Test
    void aGroupKeepsItsIdAndTraits() {
        var touch = group("g-1").traits("{\"size\":12}").build();

        assertThat(rows().properties(touch).toString()).isEqualTo("{\"groupId\":\"g-1\",\"traits\":{\"size\":12}}");
    }

    @Test
    void anAliasKeepsOnlyItsFormerId() {
        var touch = alias("guest-7").userId("u1").traits("{\"plan\":\"gold\"}").build();

        assertThat(rows().properties(touch).toString()).isEqualTo("{\"previousId\":\"guest-7\"}");
    }

    @Test
    void anIdentifysTraitPathsAreSealedUnderItsProperties() {
        assertThat(TimelineRows.sealedPaths(identify().build(), List.of(List.of("traits", "phone"))))
                .containsExactly(List.of("properties", "phone"));
    }

    @Test
    void contextPathsAreSealedWhereTheyStand() {
        var path = List.<Object>of("context", "externalIds", 0, "id");

        assertThat(TimelineRows.sealedPaths(track("Viewed").build(), List.of(path)))
                .containsExactly(path);
    }

    @Test
    void anAliassTraitsAreNotKeptSoNothingOfThemIsSealed() {
        assertThat(TimelineRows.sealedPaths(alias("guest-7").build(), List.of(List.of("traits", "email"))))
                .isEmpty();
    }

    @Test
    void aPhoneAnIdentityWasReadFromIsMaskedInTheRowAndSealedBesideIt() {
        var touch = identify().traits("{\"mobile\":\"138.1234.5678\"}").build();

        var row = rows().row(1, 7, touch, List.of(List.of("traits", "mobile")));

        assertThat(row.properties()).doesNotContain("1234");
        assertThat(row.sealedValues()).isNotNull();
    }
}
