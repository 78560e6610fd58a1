package io.siyu.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@SiyuIntegrationTest
class ProfileTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    long customerOf(String type, String value) {
        return siyu.customerId(type + ":" + value);
    }

    /** The middle digits of the next phone a test sends; every test has its own. */
    static final AtomicInteger MIDDLE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 9000));

    /**
     * A mobile number {@code <prefix> xxxx <suffix>} of its own: a test that shared one with another would find the
     * number on the other's profile (a phone links profiles). Masked, it shows only the prefix and the suffix.
     */
    static String phone(String prefix, String suffix) {
        return prefix + MIDDLE.getAndIncrement() + suffix;
    }

    /** A customer's e-mail address and phone, as sent. */
    private record Contact(String email, String phone) {}

    /** Identifies a customer with an e-mail address and a phone, and tracks one event carrying both. */
    private Contact identifiedWithPhoneAndEmail() {
        var user = "pii-" + UUID.randomUUID();
        var email = user + "@example.com";
        var phone = phone("139", "1111");
        siyu.shop().post("/v1/identify", """
                {"userId":"%s","traits":{"email":"%s","phone":"+86 %s %s %s","name":"Mei"}}""".formatted(
                        user, email, phone.substring(0, 3), phone.substring(3, 7), phone.substring(7)));
        siyu.shop().post("/v1/track", """
                {"userId":"%s","event":"Signed Up","properties":{"email":"%s"},"context":{"traits":{"phone":"%s"}}}""".formatted(user, email, phone));
        siyu.applyQueued();
        return new Contact(email, phone);
    }

    @Test
    void phonesAndEmailsAreSealedAtRestAndNowhereInClear() {
        var contact = identifiedWithPhoneAndEmail();
        var customer = customerOf("email", contact.email());

        var stored = jdbc.queryForList("""
                select coalesce(i.lookup_key, '') || coalesce(i.display_value, '') || coalesce(encode(i.sealed_value, 'escape'), '')
                  from customers.identity i where customer_id = ?
                union all select traits::text from customers.customer where id = ?
                union all select coalesce(properties::text, '') || coalesce(context::text, '') from customers.event
                 where customer_id = ?""", String.class, customer, customer, customer);
        assertThat(String.join("\n", stored)).doesNotContain(contact.email()).doesNotContain(contact.phone());
    }

    @Test
    void whoMaySeePersonalDataSeesTheSealedIdentitiesInClear() {
        var contact = identifiedWithPhoneAndEmail();
        var customer = customerOf("email", contact.email());

        var identities =
                siyu.admin().get("/api/v1/customers/" + customer).json().get("identities");
        assertThat(identities.findValuesAsString("value")).contains(contact.email(), "+86" + contact.phone());
    }

    /** An analyst's session, and a customer with a phone and an e-mail address. */
    private record SeenByAnalyst(HttpFixtures analyst, long customer) {}

    private SeenByAnalyst analystAndCustomer() {
        var user = "mask-" + UUID.randomUUID();
        siyu.shop().post("/v1/identify", """
                {"userId":"%s","traits":{"email":"%s@example.com","phone":"%s"}}""".formatted(user, user, phone("137", "2222")));
        siyu.applyQueued();
        var customer = customerOf("user_id", user);
        siyu.admin().post("/api/v1/operators", """
                {"username":"%s","role":"ANALYST","password":"analyst-password-1"}""".formatted("an" + customer));
        return new SeenByAnalyst(siyu.session("an" + customer, "analyst-password-1"), customer);
    }

    @Test
    void rolesWithoutTheRightSeeAProfilesIdentitiesMasked() {
        var seen = analystAndCustomer();

        var seenByAnalyst = seen.analyst()
                .get("/api/v1/customers/" + seen.customer())
                .json()
                .get("identities");

        assertThat(seenByAnalyst.findValuesAsString("value")).contains("+86137****2222", "m***@example.com");
    }

    @Test
    void rolesWithoutTheRightSeeTheListsPhonesMasked() {
        var seen = analystAndCustomer();

        var listedForAnalyst = seen.analyst()
                .get("/api/v1/customers?q=" + seen.customer())
                .json()
                .get("items")
                .get(0);

        assertThat(listedForAnalyst.get("phone").asString()).isEqualTo("+86137****2222");
    }

    @Test
    void aThousandConcurrentIdentifiesEndInOneConsistentGraph() throws Exception {
        var user = "conc-" + UUID.randomUUID();
        var devices = new ArrayList<String>();
        for (int i = 0; i < 1000; i++) {
            devices.add(UUID.randomUUID().toString());
        }
        // every device first browses anonymously, so each starts as a profile of its own
        var browse = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < devices.size(); i++) {
            browse.append(i == 0 ? "" : ",").append("""
                    {"type":"track","anonymousId":"%s","event":"Product Viewed"}""".formatted(devices.get(i)));
        }
        assertThat(siyu.shop().post("/v1/batch", browse.append("]}").toString()).status())
                .isEqualTo(200);
        siyu.applyQueued();

        // then all of them sign in to the same account at once
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = new ArrayList<Future<Integer>>();
            for (var device : devices) {
                calls.add(threads.submit(() -> siyu.shop()
                        .post("/v1/identify", """
                                {"userId":"%s","anonymousId":"%s","traits":{"plan":"gold"}}""".formatted(user, device))
                        .status()));
            }
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        }
        siyu.applyQueued();

        var survivor = customerOf("user_id", user);
        var owners = jdbc.queryForList(
                "select distinct customer_id from customers.identity where type = 'anonymous_id' and lookup_key = any(?)",
                Long.class,
                (Object) devices.toArray(String[]::new));
        assertThat(owners).containsExactly(survivor);
        assertThat(jdbc.queryForObject("select event_count from customers.customer where id = ?", Long.class, survivor))
                .isEqualTo(2000);
        assertThat(jdbc.queryForObject(
                        "select count(*) from customers.event where customer_id = ?", Long.class, survivor))
                .isEqualTo(2000);
        assertThat(jdbc.queryForObject(
                        "select sum(count) from customers.event_count where customer_id = ?", Long.class, survivor))
                .isEqualTo(2000);
        // no orphans: every identity points at a live profile
        assertThat(jdbc.queryForObject("""
                        select count(*) from customers.identity i join customers.customer c on c.id = i.customer_id
                         where c.merged_into is not null""", Long.class)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from customers.merge where survivor_id = ?", Long.class, survivor))
                .isEqualTo(999);
    }

    @Test
    void theTimelinePagesByKeysetWithTheTotal() {
        var user = "tl-" + UUID.randomUUID();
        var batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 120; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"type":"track","userId":"%s","event":"Step %d","timestamp":"2025-01-01T00:%02d:%02dZ"}""".formatted(user, i, i / 60, i % 60));
        }
        siyu.shop().post("/v1/batch", batch.append("]}").toString());
        siyu.applyQueued();
        var customer = customerOf("user_id", user);

        var names = new ArrayList<String>();
        String cursor = null;
        do {
            var page = siyu.admin()
                    .get("/api/v1/customers/" + customer + "/events?limit=50"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            assertThat(page.get("total").asLong()).isEqualTo(120);
            names.addAll(page.get("items").findValuesAsString("name"));
            cursor = page.get("next") == null || page.get("next").isNull()
                    ? null
                    : page.get("next").asString();
        } while (cursor != null);

        assertThat(names).hasSize(120).startsWith("Step 119", "Step 118").endsWith("Step 0");
    }
}
