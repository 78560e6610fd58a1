package io.siyu.ingest.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures.ShopKey;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer's own view and consent choice in the consumer API: {@code /consumer/v1/me} finds the customer the
 * shop's user id leads to, and a choice sent to {@code /consumer/v1/me/consents} becomes their consent as any consent
 * message does.
 */
@SiyuIntegrationTest
class ConsumerConsentTests {

    @Autowired
    SiyuUnderTest siyu;

    ShopKey key;

    @BeforeEach
    void registerKey() {
        key = ConsumerTokenFixtures.es256();
        assertThat(siyu.admin()
                        .post("/api/v1/consumer-keys", key.registration("consent tests"))
                        .status())
                .isEqualTo(201);
    }

    /** The customer {@code user}, each request with a fresh token, as the shop's app gets them. */
    HttpFixtures customer(String user) {
        return HttpFixtures.consumer(siyu.port(), () -> key.token(user));
    }

    String known(String user) {
        var sent = siyu.shop().post("/v1/identify", """
                {"userId":"%s","traits":{"name":"Consumer"}}""".formatted(user));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        return user;
    }

    @Test
    void aCustomerSiyuHasNotMetYetIsThemselvesWithoutAnId() {
        var user = "stranger-" + UUID.randomUUID();

        var me = customer(user).get("/consumer/v1/me").json();

        assertThat(me.get("subject").asString()).isEqualTo(user);
        assertThat(me.has("customerId")).isFalse();
        assertThat(me.get("consents").isEmpty()).isTrue();
    }

    @Test
    void aCustomersChoiceBecomesTheirConsent() {
        var user = known("chooser-" + UUID.randomUUID());
        var customer = customer(user);
        var before = customer.get("/consumer/v1/me").json();
        assertThat(before.get("customerId").asLong()).isEqualTo(siyu.customerId("user_id:" + user));
        assertThat(before.get("consents").isEmpty()).isTrue();

        var chosen = customer.put("/consumer/v1/me/consents", """
                {"categoryPreferences":{"email":false,"sms":true}}""");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(202);
        assertThat(chosen.json().get("categoryPreferences").get("email").asBoolean())
                .isFalse();
        siyu.applyQueued();

        var after = customer.get("/consumer/v1/me").json().get("consents");
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.get(0).get("category").asString()).isEqualTo("email");
        assertThat(after.get(0).get("granted").asBoolean()).isFalse();
        assertThat(after.get(1).get("category").asString()).isEqualTo("sms");
        assertThat(after.get(1).get("granted").asBoolean()).isTrue();
        assertThat(after.get(1).get("since").asString()).isNotBlank();
        var changes = siyu.admin()
                .get("/api/v1/customers/" + before.get("customerId").asLong() + "/consent-changes")
                .json();
        assertThat(changes.get(0).get("messageId").asString())
                .isEqualTo(chosen.json().get("messageId").asString())
                .startsWith("consumer-consent-");
    }

    @Test
    void aUserIdShapedLikeAPhoneNumberNeedsNoPermissionToFindOneself() {
        var user = known(
                "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000)));

        var me = customer(user).get("/consumer/v1/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("customerId").asLong()).isEqualTo(siyu.customerId("user_id:" + user));
    }

    @Test
    void aChoiceThatBreaksTheConsentRulesIsRefusedNamingTheCategory() {
        var customer = customer(known("refused-" + UUID.randomUUID()));

        var notBoolean = customer.put("/consumer/v1/me/consents", """
                {"categoryPreferences":{"sms":"maybe"}}""");
        var empty = customer.put("/consumer/v1/me/consents", "{\"categoryPreferences\":{}}");
        var missing = customer.put("/consumer/v1/me/consents", "{}");

        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(notBoolean.json().get("errors").get(0).get("field").asString())
                .isEqualTo("categoryPreferences.sms");
        assertThat(notBoolean.json().get("errors").get(0).get("rule").asString())
                .isEqualTo("type");
        assertThat(empty.json().get("errors").get(0).get("rule").asString()).isEqualTo("min-size");
        assertThat(missing.json().get("errors").get(0).get("rule").asString()).isEqualTo("required");
    }
}
