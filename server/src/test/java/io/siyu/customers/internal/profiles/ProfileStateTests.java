package io.siyu.customers.internal.profiles;

import static io.siyu.customers.TouchFixtures.identify;
import static io.siyu.customers.TouchFixtures.track;
import static io.siyu.customers.internal.profiles.ProfileFixtures.after;
import static io.siyu.customers.internal.profiles.ProfileFixtures.consent;
import static io.siyu.customers.internal.profiles.ProfileFixtures.consentSince;
import static io.siyu.customers.internal.profiles.ProfileFixtures.storedProfile;
import static io.siyu.customers.internal.profiles.ProfileFixtures.trait;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.siyu.customers.OrderFacts;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A profile's traits, facts, channel and consent as touches and merges change them: every rule decides by the
 * touches' own timestamps, so that the order messages arrive in never matters.
 */
class ProfileStateTests {

    static final String FIRST = "2026-03-01T10:00:00Z";
    static final String SECOND = "2026-03-02T10:00:00Z";
    static final String THIRD = "2026-03-03T10:00:00Z";

    @Test
    void aTraitKeepsTheValueOfTheLatestMessageWhateverOrderTheyArriveIn() {
        var profile = after(
                identify().traits("{\"plan\":\"gold\"}").at(SECOND).build(),
                identify().traits("{\"plan\":\"silver\"}").at(FIRST).build());

        assertThat(trait(profile, "plan")).isEqualTo("gold");
    }

    @Test
    void aTraitSetToNullIsRemoved() {
        var profile = after(
                identify().traits("{\"plan\":\"gold\"}").at(FIRST).build(),
                identify().traits("{\"plan\":null}").at(SECOND).build());

        assertThat(profile.traits.has("plan")).isFalse();
    }

    @Test
    void identifiersAreNotKeptAsTraits() {
        var profile = after(identify()
                .traits(
                        "{\"email\":\"ann@example.com\",\"phone\":\"13812345678\",\"openid\":\"o-1\",\"plan\":\"gold\"}")
                .build());

        assertThat(profile.traits.propertyNames()).containsExactly("plan");
    }

    @Test
    void onlyAnIdentifyChangesTraits() {
        var profile = after(track("Viewed").properties("{\"plan\":\"gold\"}").build());

        assertThat(profile.traits.isEmpty()).isTrue();
    }

    @Test
    void firstAndLastSeenAreTheEarliestAndLatestTouchWhateverOrderTheyArriveIn() {
        var profile = after(
                track("Viewed").at(SECOND).build(),
                track("Viewed").at(THIRD).build(),
                track("Viewed").at(FIRST).build());

        assertThat(profile.firstSeenAt).isEqualTo(FIRST);
        assertThat(profile.lastSeenAt).isEqualTo(THIRD);
    }

    @Test
    void everyTouchCountsAsAnEvent() {
        var profile = after(
                track("Viewed").build(), identify().build(), track("Added").build());

        assertThat(profile.eventCount).isEqualTo(3);
    }

    @Test
    void theDisplayNameIsTheNameTrait() {
        var profile = after(identify()
                .traits("{\"name\":\"  Mei Lin \",\"first_name\":\"Ann\",\"nickname\":\"M\"}")
                .build());

        assertThat(profile.displayName).isEqualTo("Mei Lin");
    }

    @Test
    void withoutANameTheDisplayNameJoinsFirstAndLastName() {
        var profile = after(identify()
                .traits("{\"firstName\":\"Ann\",\"last_name\":\"Lee\"}")
                .build());

        assertThat(profile.displayName).isEqualTo("Ann Lee");
    }

    @Test
    void withoutAnyNameTheDisplayNameIsTheNicknameThenTheUserName() {
        var profile = after(identify().traits("{\"username\":\"ann88\"}").build());

        assertThat(profile.displayName).isEqualTo("ann88");
    }

    @Test
    void aChannelSetByTheShopBeatsACampaignSource() {
        var profile = after(
                track("Viewed")
                        .context("{\"campaign\":{\"source\":\"Douyin\"}}")
                        .at(FIRST)
                        .build(),
                identify().traits("{\"channel\":\"WeChat\"}").at(SECOND).build());

        assertThat(profile.channel).isEqualTo("wechat");
    }

    @Test
    void amongEquallyExplicitSourcesTheEarliestTouchsChannelStands() {
        var profile = after(
                track("Viewed")
                        .context("{\"campaign\":{\"source\":\"weibo\"}}")
                        .at(SECOND)
                        .build(),
                track("Viewed")
                        .context("{\"campaign\":{\"source\":\"douyin\"}}")
                        .at(FIRST)
                        .build());

        assertThat(profile.channel).isEqualTo("douyin");
    }

    @Test
    void aChannelLongerThanFortyCharactersIsIgnored() {
        var profile = after(
                identify().traits("{\"channel\":\"" + "c".repeat(41) + "\"}").build());

        assertThat(profile.channel).isNull();
    }

    @Test
    void aTouchThatChangesNoTraitChannelOrConsentLeavesTheProfileUndescribed() {
        var profile = storedProfile(7);

        profile.apply(track("Viewed").properties("{\"plan\":\"gold\"}").build());

        assertThat(profile.described).isFalse();
    }

    @Test
    void aChangedTraitDescribesTheProfile() {
        var profile = storedProfile(7);

        profile.apply(identify().traits("{\"plan\":\"gold\"}").build());

        assertThat(profile.described).isTrue();
    }

    @Test
    void theLatestConsentDecisionByTimeStandsWhateverOrderTheyArriveIn() {
        var profile = after(
                track("Consent").consent("{\"sms\":true}").at(SECOND).build(),
                track("Consent").consent("{\"sms\":false}").at(FIRST).build());

        assertThat(consent(profile, "sms")).isEqualTo("granted");
    }

    @Test
    void withdrawingEverythingDeniesEveryCategoryDecidedBefore() {
        var profile = after(
                track("Consent")
                        .consent("{\"sms\":true,\"email\":true}")
                        .at(FIRST)
                        .build(),
                track("Consent").consent("{}").at(SECOND).build());

        assertThat(consent(profile, "sms")).isEqualTo("denied");
        assertThat(consent(profile, "email")).isEqualTo("denied");
    }

    @Test
    void aGrantMadeBeforeAWithdrawalButArrivingAfterItIsDeniedFromTheWithdrawal() {
        var profile = after(
                track("Consent").consent("{}").at(SECOND).build(),
                track("Consent").consent("{\"email\":true}").at(FIRST).build());

        assertThat(consent(profile, "email")).isEqualTo("denied");
        assertThat(consentSince(profile, "email")).isEqualTo(SECOND);
    }

    @Test
    void aGrantMadeAfterAWithdrawalStands() {
        var profile = after(
                track("Consent").consent("{}").at(SECOND).build(),
                track("Consent").consent("{\"sms\":true}").at(THIRD).build());

        assertThat(consent(profile, "sms")).isEqualTo("granted");
    }

    @Test
    void aRepeatedDecisionKeepsWhenTheDecidedStateBegan() {
        var profile = after(
                track("Consent").consent("{\"sms\":true}").at(FIRST).build(),
                track("Viewed").consent("{\"sms\":true}").at(SECOND).build());

        assertThat(consentSince(profile, "sms")).isEqualTo(FIRST);
    }

    @Test
    void aRepeatedDecisionConfirmsTheStateAtItsOwnTime() {
        var profile = after(
                track("Consent").consent("{\"sms\":true}").at(FIRST).build(),
                track("Viewed").consent("{\"sms\":true}").at(SECOND).build());

        assertThat(profile.consents.path("sms").path("at").asString()).isEqualTo(SECOND);
    }

    @Test
    void onlyDecisionsThatChangeAreRecorded() {
        var profile = after(
                track("Consent").consent("{\"sms\":true}").at(FIRST).build(),
                track("Viewed").consent("{\"sms\":true}").at(SECOND).build(),
                track("Consent").consent("{\"sms\":false}").at(THIRD).build());

        assertThat(profile.consentChanges)
                .extracting(
                        ProfileState.ConsentChange::granted, c -> c.decidedAt().toString())
                .containsExactly(tuple(true, FIRST), tuple(false, THIRD));
    }

    @Test
    void aMergedProfilesLaterTraitWins() {
        var survivor =
                after(identify().traits("{\"plan\":\"silver\"}").at(FIRST).build());
        var absorbed = after(identify().traits("{\"plan\":\"gold\"}").at(SECOND).build());

        survivor.absorb(absorbed);

        assertThat(trait(survivor, "plan")).isEqualTo("gold");
    }

    @Test
    void aMergedProfilesEarlierTraitLoses() {
        var survivor =
                after(identify().traits("{\"plan\":\"silver\"}").at(SECOND).build());
        var absorbed = after(identify().traits("{\"plan\":\"gold\"}").at(FIRST).build());

        survivor.absorb(absorbed);

        assertThat(trait(survivor, "plan")).isEqualTo("silver");
    }

    /** A survivor seen once with one order, and a profile seen twice with two orders that merges into it. */
    static ProfileState[] survivorAndAbsorbed() {
        var survivor = after(track("Viewed").at(SECOND).build());
        survivor.apply(new OrderFacts(null, 1, new BigDecimal("10.00"), Instant.parse(SECOND), Instant.parse(SECOND)));
        var absorbed = after(
                track("Viewed").at(FIRST).build(), track("Viewed").at(THIRD).build());
        absorbed.apply(new OrderFacts(null, 2, new BigDecimal("5.50"), Instant.parse(FIRST), Instant.parse(THIRD)));
        return new ProfileState[] {survivor, absorbed};
    }

    @Test
    void mergingAddsTheAbsorbedProfilesFacts() {
        var profiles = survivorAndAbsorbed();
        var survivor = profiles[0];

        survivor.absorb(profiles[1]);

        assertThat(survivor.eventCount).isEqualTo(3);
        assertThat(survivor.orderCount).isEqualTo(3);
        assertThat(survivor.totalSpent).isEqualByComparingTo("15.50");
        assertThat(survivor.firstSeenAt).isEqualTo(FIRST);
        assertThat(survivor.lastOrderAt).isEqualTo(THIRD);
    }

    @Test
    void anAbsorbedProfileKeepsNoCountsOrSpending() {
        var profiles = survivorAndAbsorbed();
        var absorbed = profiles[1];

        profiles[0].absorb(absorbed);

        assertThat(absorbed.eventCount).isZero();
        assertThat(absorbed.orderCount).isZero();
        assertThat(absorbed.totalSpent).isEqualByComparingTo("0");
    }

    @Test
    void aMergedProfilesLaterConsentDecisionWins() {
        var survivor =
                after(track("Consent").consent("{\"sms\":true}").at(FIRST).build());
        var absorbed =
                after(track("Consent").consent("{\"sms\":false}").at(SECOND).build());

        survivor.absorb(absorbed);

        assertThat(consent(survivor, "sms")).isEqualTo("denied");
    }

    @Test
    void aDecisionAdoptedFromAMergedProfileIsRecordedAsComingFromIt() {
        var survivor =
                after(track("Consent").consent("{\"sms\":true}").at(FIRST).build());
        var absorbed =
                after(track("Consent").consent("{\"sms\":false}").at(SECOND).build());

        survivor.absorb(absorbed);

        assertThat(survivor.consentChanges.getLast().mergedFrom()).isEqualTo(absorbed.id);
    }

    @Test
    void aMergedProfilesWithdrawalDeniesTheSurvivorsEarlierGrants() {
        var survivor =
                after(track("Consent").consent("{\"email\":true}").at(FIRST).build());
        var absorbed = after(track("Consent").consent("{}").at(SECOND).build());

        survivor.absorb(absorbed);

        assertThat(consent(survivor, "email")).isEqualTo("denied");
    }

    @Test
    void theTimeZoneIsTheLatestValidOneWhateverOrderMessagesArriveIn() {
        var profile = after(
                track("Viewed")
                        .context("{\"timezone\":\"Europe/Berlin\"}")
                        .at(THIRD)
                        .build(),
                identify()
                        .context("{\"timezone\":\"America/New_York\"}")
                        .at(FIRST)
                        .build(),
                track("Viewed")
                        .context("{\"timezone\":\"Asia/Tokyo\"}")
                        .at(SECOND)
                        .build());

        assertThat(profile.timeZone).isEqualTo("Europe/Berlin");
        assertThat(profile.timeZoneAt).isEqualTo(THIRD);
    }

    @Test
    void aTimeZoneThatIsNoIanaZoneIsIgnored() {
        var profile = after(
                track("Viewed")
                        .context("{\"timezone\":\"Asia/Shanghai\"}")
                        .at(FIRST)
                        .build(),
                track("Viewed")
                        .context("{\"timezone\":\"Mars/Olympus\"}")
                        .at(SECOND)
                        .build(),
                track("Viewed").context("{\"timezone\":\"+08:00\"}").at(SECOND).build(),
                track("Viewed").context("{\"timezone\":\"CST\"}").at(SECOND).build(),
                track("Viewed").context("{\"timezone\":8}").at(THIRD).build(),
                track("Viewed").context("{\"timezone\":\"\"}").at(THIRD).build());

        assertThat(profile.timeZone).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aCustomerWhoseMessagesNameNoZoneHasNone() {
        var profile = after(
                track("Viewed").build(),
                identify().traits("{\"plan\":\"gold\"}").build());

        assertThat(profile.timeZone).isNull();
    }

    @Test
    void aMergedProfilesLaterTimeZoneWins() {
        var survivor = after(track("Viewed")
                .context("{\"timezone\":\"Asia/Shanghai\"}")
                .at(FIRST)
                .build());
        var absorbed = after(track("Viewed")
                .context("{\"timezone\":\"Europe/London\"}")
                .at(SECOND)
                .build());

        survivor.absorb(absorbed);

        assertThat(survivor.timeZone).isEqualTo("Europe/London");
        assertThat(survivor.described).isTrue();
    }
}
