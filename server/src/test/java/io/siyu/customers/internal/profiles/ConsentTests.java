package io.siyu.customers.internal.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Consent as the shop's messages carry it (Segment's consent object), on the profile and in its record of changes. */
@SiyuIntegrationTest
class ConsentTests {

    @Autowired
    SiyuUnderTest siyu;

    private static String consent(String id, String idType, String at, String preferences) {
        return """
                {"type":"track","%s":"%s","event":"Segment Consent Preference Updated","timestamp":"%s",
                 "context":{"consent":{"categoryPreferences":%s}}}""".formatted(idType, id, at, preferences);
    }

    private JsonNode profile(String identity) {
        var id = siyu.customerId(identity);
        return siyu.admin().get("/api/v1/customers/" + id).json();
    }

    private static String state(JsonNode profile, String category) {
        for (var consent : profile.get("consents")) {
            if (consent.get("category").asString().equals(category)) {
                return consent.get("granted").asBoolean() ? "granted" : "denied";
            }
        }
        return "unknown";
    }

    /**
     * Sends one customer's decisions newest first: the withdrawal of everything on the 3rd, then older decisions that
     * arrive late; then a later event stamped with the same preferences, which changes nothing. Answers the profile.
     */
    private JsonNode afterDecisionsArrivingOutOfOrder() {
        var user = "consent-" + UUID.randomUUID();
        siyu.shop()
                .post(
                        "/v1/batch",
                        "{\"batch\":["
                                + consent(user, "userId", "2026-03-05T10:00:00Z", "{\"sms\":true}") + ","
                                + consent(user, "userId", "2026-03-03T10:00:00Z", "{}") + ","
                                + consent(
                                        user,
                                        "userId",
                                        "2026-03-01T10:00:00Z",
                                        "{\"sms\":false,\"email\":true,\"Advertising\":true}")
                                + "," + consent(user, "userId", "2026-03-04T10:00:00Z", "{\"Advertising\":true}")
                                + "]}");
        siyu.applyQueued();
        siyu.shop().post("/v1/track", """
                {"userId":"%s","event":"Product Viewed","timestamp":"2026-03-06T10:00:00Z",
                 "context":{"consent":{"categoryPreferences":{"sms":true}}}}""".formatted(user));
        siyu.applyQueued();
        return profile("user_id:" + user);
    }

    private JsonNode consentChanges(JsonNode profile) {
        return siyu.admin()
                .get("/api/v1/customers/" + profile.get("id").asLong() + "/consent-changes")
                .json();
    }

    @Test
    void theLatestDecisionByTimeStandsWhateverOrderMessagesArriveIn() {
        var profile = afterDecisionsArrivingOutOfOrder();

        assertThat(state(profile, "sms")).isEqualTo("granted"); // the 5th, after the withdrawal
        assertThat(state(profile, "email")).isEqualTo("denied"); // granted on the 1st, withdrawn on the 3rd
        assertThat(state(profile, "Advertising")).isEqualTo("granted"); // the 4th
        assertThat(state(profile, "push")).isEqualTo("unknown");
    }

    @Test
    void aRepeatedDecisionConfirmsTheStandingOneWithoutChangingWhenItBegan() {
        var profile = afterDecisionsArrivingOutOfOrder();

        for (var consent : profile.get("consents")) {
            if (consent.get("category").asString().equals("sms")) {
                assertThat(consent.get("since").asString()).isEqualTo("2026-03-05T10:00:00Z");
                assertThat(consent.get("confirmedAt").asString()).isEqualTo("2026-03-06T10:00:00Z");
            }
        }
    }

    @Test
    void theRecordOfChangesListsTheChangesNewestFirst() {
        var changes = consentChanges(afterDecisionsArrivingOutOfOrder());

        assertThat(changes.get(0).get("category").asString()).isEqualTo("sms");
        assertThat(changes.get(0).get("granted").asBoolean()).isTrue();
        assertThat(changes.get(0).get("decidedAt").asString()).isEqualTo("2026-03-05T10:00:00Z");
        // newest first: sms granted on the 5th, Advertising granted on the 4th, then the two withdrawals of the 3rd
        assertThat(changes.findValuesAsString("category"))
                .startsWith("sms", "Advertising")
                .hasSize(4);
    }

    @Test
    void grantsArrivingAfterAWithdrawalOfEverythingAreRecordedAsWithdrawnThen() {
        var changes = consentChanges(afterDecisionsArrivingOutOfOrder());

        // both email and Advertising, whose grants of the 1st arrived after the withdrawal of the 3rd
        assertThat(changes.get(2).get("decidedAt").asString()).isEqualTo("2026-03-03T10:00:00Z");
        assertThat(changes.get(3).get("granted").asBoolean()).isFalse();
    }

    /** A device decides after the account did, and then signs in to the account. Answers the account's profile. */
    private JsonNode afterADeviceThatDecidedLaterSignsIn() {
        var user = "consent-merge-" + UUID.randomUUID();
        var device = UUID.randomUUID().toString();
        siyu.shop()
                .post(
                        "/v1/batch",
                        "{\"batch\":["
                                + consent(user, "userId", "2026-04-01T08:00:00Z", "{\"sms\":true,\"email\":true}") + ","
                                + consent(device, "anonymousId", "2026-04-02T08:00:00Z", "{\"sms\":false}") + "]}");
        siyu.applyQueued();
        siyu.shop().post("/v1/identify", """
                {"userId":"%s","anonymousId":"%s","timestamp":"2026-04-03T08:00:00Z"}""".formatted(user, device));
        siyu.applyQueued();
        return profile("user_id:" + user);
    }

    @Test
    void aMergedProfilesLaterDecisionsWin() {
        var profile = afterADeviceThatDecidedLaterSignsIn();

        assertThat(state(profile, "sms")).isEqualTo("denied");
        assertThat(state(profile, "email")).isEqualTo("granted");
    }

    @Test
    void aMergedProfilesRecordOfChangesMovesToTheSurvivor() {
        var changes = consentChanges(afterADeviceThatDecidedLaterSignsIn());

        // the device's own decision and the survivor's adoption of it, then the user's two decisions
        assertThat(changes.size()).isEqualTo(4);
        assertThat(changes.get(0).get("mergedFrom").isNull()).isFalse();
        assertThat(changes.get(0).get("granted").asBoolean()).isFalse();
    }

    @Test
    void aCategoryDecidedOtherwiseThanTrueOrFalseIsRefusedNamingTheCategory() {
        var user = "consent-bad-" + UUID.randomUUID();
        var response = siyu.shop().post("/v1/track", """
                {"userId":"%s","event":"Segment Consent Preference Updated",
                 "context":{"consent":{"categoryPreferences":{"sms":"yes"}}}}""".formatted(user));
        assertThat(response.status()).isEqualTo(400);
        var error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("context.consent.categoryPreferences.sms");
        assertThat(error.get("rule").asString()).isEqualTo("type");
    }

    @Test
    void categoryPreferencesThatAreNotAnObjectAreRefused() {
        var user = "consent-bad-" + UUID.randomUUID();
        var notAnObject = siyu.shop().post("/v1/track", """
                {"userId":"%s","event":"Viewed","context":{"consent":{"categoryPreferences":["sms"]}}}""".formatted(user));
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().get("errors").get(0).get("field").asString())
                .isEqualTo("context.consent.categoryPreferences");
    }
}
