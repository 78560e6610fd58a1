package io.siyu.customers.internal.profiles;

import static io.siyu.customers.TouchFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.siyu.shared.Violation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a message carries consent, and what makes its consent object one the rules refuse. */
class ConsentRulesTests {

    static final String CATEGORIES = "context.consent.categoryPreferences";

    @Test
    void aMessageWithoutConsentBreaksNoRule() {
        assertThat(ConsentRules.check(track("Viewed").build())).isEmpty();
    }

    @Test
    void aMessageWithoutConsentDecidesNothing() {
        assertThat(ConsentRules.preferences(track("Viewed").build())).isEmpty();
    }

    @Test
    void anEmptyConsentObjectBreaksNoRule() {
        assertThat(ConsentRules.check(
                        track("Viewed").context("{\"consent\":{}}").build()))
                .isEmpty();
    }

    @Test
    void anEmptyConsentObjectDecidesNothing() {
        assertThat(ConsentRules.preferences(
                        track("Viewed").context("{\"consent\":{}}").build()))
                .isEmpty();
    }

    @Test
    void anEmptyCategoryPreferencesWithdrawsEverything() {
        assertThat(ConsentRules.preferences(track("Viewed").consent("{}").build()))
                .hasValue(Map.of());
    }

    @Test
    void theCategoriesAreDecidedInTheMessagesOrder() {
        var touch = track("Viewed")
                .consent("{\"sms\":true,\"Advertising\":false,\"email\":true}")
                .build();

        assertThat(ConsentRules.preferences(touch).orElseThrow())
                .containsExactly(Map.entry("sms", true), Map.entry("Advertising", false), Map.entry("email", true));
    }

    @Test
    void aConsentThatIsNotAnObjectIsRefused() {
        var touch = track("Viewed").context("{\"consent\":\"yes\"}").build();

        assertThat(ConsentRules.check(touch))
                .containsExactly(new Violation("context.consent", "type", "must be an object"));
    }

    @Test
    void categoryPreferencesThatAreNotAnObjectAreRefused() {
        assertThat(ConsentRules.check(track("Viewed").consent("[\"sms\"]").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple(CATEGORIES, "type"));
    }

    @Test
    void aCategoryDecidedOtherwiseThanTrueOrFalseIsRefusedNamingTheCategory() {
        assertThat(ConsentRules.check(
                        track("Viewed").consent("{\"sms\":\"yes\"}").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple(CATEGORIES + ".sms", "type"));
    }

    @Test
    void aCategoryNameWithSurroundingSpacesIsRefused() {
        assertThat(ConsentRules.check(track("Viewed").consent("{\" sms\":true}").build()))
                .extracting(Violation::rule)
                .containsExactly("category");
    }

    @Test
    void aCategoryNameLongerThanSixtyFourCharactersIsRefused() {
        var name = "c".repeat(ConsentRules.MAX_CATEGORY_LENGTH + 1);

        assertThat(ConsentRules.check(
                        track("Viewed").consent("{\"" + name + "\":true}").build()))
                .extracting(Violation::rule)
                .containsExactly("category");
    }

    @Test
    void aCategoryNameOfSixtyFourCharactersIsAccepted() {
        var name = "c".repeat(ConsentRules.MAX_CATEGORY_LENGTH);

        assertThat(ConsentRules.check(
                        track("Viewed").consent("{\"" + name + "\":true}").build()))
                .isEmpty();
    }

    @Test
    void moreThanFiftyCategoriesAreRefused() {
        var categories = new StringBuilder("{");
        for (int i = 0; i <= ConsentRules.MAX_CATEGORIES; i++) {
            categories.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":true");
        }

        assertThat(ConsentRules.check(track("Viewed")
                        .consent(categories.append("}").toString())
                        .build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple(CATEGORIES, "max-size"));
    }
}
