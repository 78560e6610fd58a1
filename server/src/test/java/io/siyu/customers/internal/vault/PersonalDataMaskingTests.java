package io.siyu.customers.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.access.Role;
import io.siyu.shared.PersonalData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Phone numbers and e-mail addresses are masked by what they are, wherever a shop put them, for every role that may
 * not see personal data; roles that may see them read them in clear; and nobody without that right can look customers
 * up by them.
 */
@SiyuIntegrationTest
class PersonalDataMaskingTests {

    static final List<Role> WITHOUT_PERSONAL_DATA = List.of(Role.MARKETER, Role.ANALYST, Role.COMMUNITY_MANAGER);

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final PersonalData personalData = new PersonalData("CN");

    HttpFixtures as(Role role) {
        var secret = siyu.admin()
                .post("/api/v1/api-tokens", """
                        {"name":"pd-%s","role":"%s"}""".formatted(UUID.randomUUID(), role))
                .json()
                .get("secret")
                .asString();
        return siyu.token(secret);
    }

    /** A mobile number nobody else in the suite uses. */
    static String phone() {
        return "13" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    }

    /**
     * A number of the brand's region that is possible but not valid ({@code 123...}): the identity rules accept it, the
     * recogniser does not find it in text. No zeros, which could be read as an international prefix.
     */
    static String possibleButInvalidPhone() {
        var phone = new StringBuilder("123");
        for (int i = 0; i < 8; i++) {
            phone.append(ThreadLocalRandom.current().nextInt(1, 10));
        }
        return phone.toString();
    }

    /** How a number reads in its groups of three, four and four: {@code 138 1234 5678}. */
    static String spaced(String phone) {
        return grouped(phone, " ");
    }

    /** A number in groups of three, four and four between {@code separator}s: {@code 138.1234.5678}. */
    static String grouped(String phone, String separator) {
        return phone.substring(0, 3) + separator + phone.substring(3, 7) + separator + phone.substring(7);
    }

    /**
     * A customer whose phones and e-mail addresses stand wherever a shop may put them: identity traits, traits under
     * other names (as text, as a number, in a sentence, in a list, as a key), Segment's {@code context.externalIds} of
     * known and unknown types, the anonymous id, the name, event properties and an order; and, where the identity
     * rules read them, written as the recogniser would not find them in text (dots, slashes, a possible but invalid
     * number, a local part in Chinese).
     */
    record Seeded(long customerId, String userId, String orderId, String productId, Map<String, String> values) {

        /**
         * Each value as sent, and up to its {@code @} or its digits alone and spaced: none may be shown to roles without
         * the right.
         */
        List<String> clear() {
            var clear = new ArrayList<String>();
            values.values().forEach(value -> {
                clear.add(value);
                if (value.contains("@")) {
                    clear.add(value.substring(0, value.indexOf('@') + 1));
                } else {
                    var digits = value.replaceAll("\\D", "");
                    clear.add(digits);
                    clear.add(spaced(digits));
                }
            });
            return clear;
        }
    }

    Seeded seed() {
        var id = UUID.randomUUID().toString().substring(0, 8);
        var user = "pd-" + id;
        var values = new LinkedHashMap<String, String>();
        values.put("identity email", "mei." + id + "@example.com");
        values.put("identity phone", phone());
        values.put("contact_phone", phone());
        values.put("emailAddress", "mei.work." + id + "@example.org");
        values.put("mobile number", phone());
        values.put("in a note", phone());
        values.put("in a list", phone());
        values.put("as a key", phone());
        values.put("name", "mei.name." + id + "@example.net");
        values.put("anonymous id", phone());
        values.put("external phone", phone());
        values.put("external email", "mei.ext." + id + "@example.com");
        values.put("external mobile", phone());
        values.put("external crm", "mei.crm." + id + "@example.com");
        values.put("shipping phone", phone());
        values.put("shipping email", "mei.ship." + id + "@example.com");
        values.put("affiliation", "shop." + id + "@example.com");
        values.put("dotted mobile", grouped(phone(), "."));
        values.put("slashed phone", grouped(phone(), "/"));
        values.put("invalid phone", possibleButInvalidPhone());
        values.put("email in Chinese", "张三." + id + "@example.cn");
        values.put("context phone", grouped(phone(), "."));
        values.put("external dotted phone", grouped(phone(), "."));
        values.put("external email in Chinese", "李四." + id + "@example.cn");
        for (var unrecognised : List.of("dotted mobile", "slashed phone", "invalid phone", "context phone")) {
            assertThat(personalData.contains(values.get(unrecognised)))
                    .as("%s is found only where the identity rules read it", unrecognised)
                    .isFalse();
        }
        var orderId = "O-" + id;
        var productId = "P-" + id;
        var shop = siyu.shop();
        var identify = shop.post("/v1/identify", """
                {"userId":"%s","anonymousId":"%s","traits":{"name":"%s","email":"%s","phone":"+86 %s",
                 "contact_phone":"%s","emailAddress":"%s","mobile_number":%s,"notes":"call %s after six",
                 "family":[{"relation":"mother","tel":"+86%s"}],"%s":true,"cohort":"%s",
                 "mobile":"%s","phone_number":"%s","phoneNumber":"%s","Email":"%s"}}""".formatted(
                        user,
                        values.get("anonymous id"),
                        values.get("name"),
                        values.get("identity email"),
                        spaced(values.get("identity phone")),
                        values.get("contact_phone"),
                        values.get("emailAddress"),
                        values.get("mobile number"),
                        spaced(values.get("in a note")),
                        values.get("in a list"),
                        values.get("as a key"),
                        user,
                        values.get("dotted mobile"),
                        values.get("slashed phone"),
                        values.get("invalid phone"),
                        values.get("email in Chinese")));
        assertThat(identify.status()).as(identify.body()).isEqualTo(200);
        var track = shop.post("/v1/track", """
                {"userId":"%s","event":"Delivery Booked",
                 "properties":{"shipping":{"phone":"%s","email":"%s"},"recipients":["front desk","%s"]},
                 "context":{"traits":{"phone":"%s"},"externalIds":[
                   {"id":"%s","type":"phone","collection":"users","encoding":"none"},
                   {"id":"%s","type":"email","collection":"users","encoding":"none"},
                   {"id":"%s","type":"mobile","collection":"users","encoding":"none"},
                   {"id":"%s","type":"crm_contact","collection":"users","encoding":"none"},
                   {"id":"%s","type":"Phone","collection":"users","encoding":"none"},
                   {"id":"%s","type":"email","collection":"users","encoding":"none"}]}}""".formatted(
                        user,
                        values.get("shipping phone"),
                        values.get("shipping email"),
                        values.get("in a list"),
                        values.get("context phone"),
                        values.get("external phone"),
                        values.get("external email"),
                        values.get("external mobile"),
                        values.get("external crm"),
                        values.get("external dotted phone"),
                        values.get("external email in Chinese")));
        assertThat(track.status()).as(track.body()).isEqualTo(200);
        var order = shop.post("/v1/track", """
                {"userId":"%s","event":"Order Completed","properties":{"order_id":"%s","total":99,"currency":"CNY",
                 "affiliation":"%s","products":[{"product_id":"%s","name":"Cream","price":99,"quantity":1,
                 "category":"护肤"}]}}""".formatted(user, orderId, values.get("affiliation"), productId));
        assertThat(order.status()).as(order.body()).isEqualTo(200);
        // a message the tracking API rejects is kept for operators: it must hold no phone or e-mail in clear either
        var rejected = shop.post("/v1/batch", """
                {"batch":[{"type":"track","userId":"%s","event":"",
                  "properties":{"mobile":"%s","contact":"%s","note":"call %s after six"}}]}""".formatted(
                user, values.get("contact_phone"), values.get("emailAddress"), spaced(values.get("in a note"))));
        assertThat(rejected.json().get("rejected").asInt()).as(rejected.body()).isEqualTo(1);
        siyu.applyQueued();
        var customer = siyu.customerId("user_id:" + user);
        return new Seeded(customer, user, orderId, productId, values);
    }

    @Test
    void rolesWithoutTheRightSeeNoPhoneOrEmailInClearInAnyAnswer() {
        var seeded = seed();
        var admin = siyu.admin();
        admin.awaitAudienceIndex();
        var segment = admin.post("/api/v1/segments", """
                {"name":"pd %s","definition":{"version":1,"condition":
                  {"type":"trait","trait":"cohort","operator":"equals","value":"%s"}}}""".formatted(seeded.userId(), seeded.userId()));
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);
        var segmentId = segment.json().get("id").asLong();
        var snapshotId = admin.post("/api/v1/segments/" + segmentId + "/snapshots", "{}")
                .json()
                .get("id")
                .asLong();
        var tagId = admin.post("/api/v1/tags", """
                        {"name":"%s","kind":"MANUAL"}""".formatted(seeded.userId()))
                .json()
                .get("id")
                .asLong();
        admin.post("/api/v1/tags/" + tagId + "/assignments", """
                {"customers":["%d"]}""".formatted(seeded.customerId()));
        var paths = answersAbout(seeded, segmentId, snapshotId, tagId);

        for (var role : WITHOUT_PERSONAL_DATA) {
            var caller = as(role);
            var shown = 0;
            for (var path : paths) {
                var answer = caller.get(path);
                assertThat(answer.body())
                        .as("%s as %s", path, role)
                        .doesNotContain(seeded.clear().toArray(String[]::new));
                assertThat(personalData.contains(answer.body()))
                        .as("%s as %s holds a phone or e-mail in clear: %s", path, role, answer.body())
                        .isFalse();
                shown += answer.status() == 200 && answer.body().contains("****") ? 1 : 0;
            }
            assertThat(shown).as("answers showing masked values to %s", role).isGreaterThan(5);
        }
    }

    /** An administrator's and a customer service agent's access, both with the right to see personal data. */
    List<HttpFixtures> withTheRight() {
        return List.of(siyu.admin(), as(Role.CUSTOMER_SERVICE));
    }

    @Test
    void rolesWithTheRightReadEveryValueInClearOnTheProfile() {
        var seeded = seed();
        var values = seeded.values();

        for (var caller : withTheRight()) {
            assertThat(caller.get("/api/v1/customers/" + seeded.customerId()).body())
                    .contains(
                            values.get("identity email"),
                            "+86" + values.get("identity phone"),
                            "+86" + values.get("external phone"),
                            values.get("external email"),
                            values.get("external mobile"),
                            values.get("external crm"),
                            values.get("anonymous id"),
                            values.get("contact_phone"),
                            values.get("emailAddress"),
                            "\"mobile_number\",\"value\":" + values.get("mobile number"),
                            "call " + spaced(values.get("in a note")),
                            values.get("as a key"),
                            values.get("name"),
                            "+86" + values.get("dotted mobile").replace(".", ""),
                            "+86" + values.get("slashed phone").replace("/", ""),
                            "+86" + values.get("invalid phone"),
                            "+86" + values.get("context phone").replace(".", ""),
                            "+86" + values.get("external dotted phone").replace(".", ""),
                            values.get("email in Chinese"),
                            values.get("external email in Chinese"));
        }
    }

    @Test
    void rolesWithTheRightReadEveryValueInClearOnTheTimelineWhereItWasSent() {
        var seeded = seed();
        var values = seeded.values();

        for (var caller : withTheRight()) {
            assertThat(caller.get("/api/v1/customers/" + seeded.customerId() + "/events")
                            .body())
                    .contains(
                            values.get("shipping phone"),
                            values.get("shipping email"),
                            "\"id\":\"" + values.get("external mobile"),
                            "\"id\":\"" + values.get("external crm"),
                            "\"contact_phone\":\"" + values.get("contact_phone"),
                            "\"mobile_number\":" + values.get("mobile number"),
                            "\"affiliation\":\"" + values.get("affiliation"),
                            "\"mobile\":\"" + values.get("dotted mobile"),
                            "\"phone_number\":\"" + values.get("slashed phone"),
                            "\"phoneNumber\":\"" + values.get("invalid phone"),
                            "\"Email\":\"" + values.get("email in Chinese"),
                            "\"phone\":\"" + values.get("context phone"),
                            "\"id\":\"" + values.get("external dotted phone"),
                            "\"id\":\"" + values.get("external email in Chinese"));
        }
    }

    @Test
    void rolesWithTheRightReadAnOrdersValuesInClear() {
        var seeded = seed();
        var values = seeded.values();

        for (var caller : withTheRight()) {
            assertThat(caller.get("/api/v1/orders/" + seeded.orderId()).body()).contains(values.get("affiliation"));
        }
    }

    @Test
    void phonesAndEmailsTheIdentityRulesReadAreMaskedOnTheTimelineHoweverTheyAreWritten() {
        var seeded = seed();
        var values = seeded.values();

        var timeline = as(Role.ANALYST)
                .get("/api/v1/customers/" + seeded.customerId() + "/events")
                .body();

        assertThat(timeline)
                .contains(
                        "\"mobile\":\"" + PersonalData.maskPhone(values.get("dotted mobile")) + "\"",
                        "\"phone_number\":\"" + PersonalData.maskPhone(values.get("slashed phone")) + "\"",
                        "\"phoneNumber\":\"" + PersonalData.maskPhone(values.get("invalid phone")) + "\"",
                        "\"Email\":\"张***@example.cn\"",
                        "\"phone\":\"" + PersonalData.maskPhone(values.get("context phone")) + "\"",
                        "\"id\":\"" + PersonalData.maskPhone(values.get("external dotted phone")) + "\"",
                        "\"id\":\"李***@example.cn\"")
                .doesNotContain(seeded.clear().toArray(String[]::new));
    }

    @Test
    void eventsRecordedBeforeSealingShowThePhonesAndEmailsOfTheirExternalIdsMasked() {
        var seeded = seed();
        var phone = grouped(phone(), ".");
        var email = "王五." + seeded.userId() + "@example.cn";
        // as an event was stored before events were sealed: masked by property name only, nothing sealed
        jdbc.update(
                "update customers.event set context = cast(? as jsonb), sealed_values = null"
                        + " where customer_id = ? and name = 'Delivery Booked'",
                """
                {"externalIds":[{"id":"%s","type":"phone"},{"id":"%s","type":"Email"},{"id":"c-1","type":"crm"}]}""".formatted(phone, email),
                seeded.customerId());

        var timeline = as(Role.ANALYST)
                .get("/api/v1/customers/" + seeded.customerId() + "/events")
                .body();

        assertThat(timeline)
                .contains(
                        "\"id\":\"" + PersonalData.maskPhone(phone) + "\"",
                        "\"id\":\"王***@example.cn\"",
                        "\"id\":\"c-1\"")
                .doesNotContain(phone, phone.replace(".", ""), email);
    }

    @Test
    void theTimelineKeepsNoPhoneOrEmailInClearAtRest() {
        var seeded = seed();

        var stored = jdbc.queryForList(
                "select coalesce(properties::text, '') || coalesce(context::text, '') from customers.event"
                        + " where customer_id = ?",
                String.class,
                seeded.customerId());

        assertThat(String.join("\n", stored))
                .doesNotContain(seeded.clear().toArray(String[]::new))
                .contains("****");
    }

    @Test
    void theTimelineSealsThePhonesAndEmailsOfEveryEventThatHasThem() {
        var seeded = seed();

        var sealed = jdbc.queryForObject(
                "select count(*) from customers.event where customer_id = ? and sealed_values is not null",
                Long.class,
                seeded.customerId());

        assertThat(sealed).isEqualTo(3);
    }

    /** Every way of looking the seeded customer up by a phone or e-mail address, whole or in part, and its field. */
    static Map<String, String> lookupsByPersonalData(Seeded seeded) {
        var values = seeded.values();
        var phone = values.get("identity phone");
        var email = values.get("identity email");
        var number = values.get("mobile number");
        var lookups = new LinkedHashMap<String, String>(Map.of(
                "q=" + phone, "q",
                "q=%2B86" + phone, "q",
                "q=%2B86%20" + phone.substring(0, 5), "q",
                "q=" + phone.substring(0, 3) + "%20" + phone.substring(3, 7), "q",
                "q=" + email, "q",
                "q=" + email.substring(0, email.indexOf('@') + 2), "q",
                "identity=phone:" + phone, "identity",
                "identity=email:" + email, "identity",
                "identity=anonymous_id:" + values.get("anonymous id"), "identity",
                "identity=mobile:" + values.get("external mobile"), "identity"));
        lookups.putAll(Map.of(
                "trait=contact_phone:" + values.get("contact_phone"), "trait",
                "trait=mobile_number:" + number, "trait",
                "trait=mobile_number:" + number + ".0", "trait",
                "trait=mobile_number:" + number.charAt(0) + "." + number.substring(1) + "e10", "trait",
                "trait=contact_phone:" + values.get("contact_phone") + ".00", "trait",
                "trait=" + values.get("as a key") + ":true", "trait"));
        return lookups;
    }

    @Test
    void lookingCustomersUpByPhoneOrEmailWholeOrInPartNeedsTheRight() {
        var seeded = seed();

        var analyst = as(Role.ANALYST);
        lookupsByPersonalData(seeded).forEach((query, field) -> {
            var refused = analyst.get("/api/v1/customers?" + query);
            assertThat(refused.status()).as(query + " " + refused.body()).isEqualTo(403);
            var problem = refused.json();
            assertThat(problem.get("type").asString()).isEqualTo("/problems/personal-data-required");
            assertThat(problem.get("permission").asString()).isEqualTo("personal-data:read");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
            assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("personal-data-required");
        });
    }

    @Test
    void whoHasTheRightLooksCustomersUpByPhoneOrEmail() {
        var seeded = seed();
        var values = seeded.values();
        var phone = values.get("identity phone");

        for (var query : List.of(
                "q=" + phone,
                "identity=phone:%2B86" + phone,
                "identity=email:" + values.get("identity email"),
                "trait=mobile_number:" + values.get("mobile number") + ".0",
                "trait=" + values.get("as a key") + ":true")) {
            var found = siyu.admin().get("/api/v1/customers?" + query).json().get("items");
            assertThat(found.findValuesAsString("id")).as(query).contains(String.valueOf(seeded.customerId()));
        }
    }

    @Test
    void digitsThatAreNoPhoneNumberFindACustomerByIdForEveryRole() {
        var seeded = seed();

        var found = as(Role.ANALYST)
                .get("/api/v1/customers?q=" + seeded.customerId())
                .json()
                .get("items");

        assertThat(found.findValuesAsString("id")).containsExactly(String.valueOf(seeded.customerId()));
    }

    /** The part before the {@code @} of the seeded customer's name, which is an e-mail address. */
    static String nameFragment(Seeded seeded) {
        var name = seeded.values().get("name");
        return name.substring(0, name.indexOf('@'));
    }

    @Test
    void nameSearchesOfRolesWithoutTheRightLeaveOutNamesShapedLikePersonalData() {
        var seeded = seed();

        var analyst = as(Role.ANALYST).get("/api/v1/customers?q=" + nameFragment(seeded));

        assertThat(analyst.status()).isEqualTo(200);
        assertThat(analyst.json().get("items")).isEmpty();
    }

    @Test
    void nameSearchesOfRolesWithTheRightFindNamesShapedLikePersonalData() {
        var seeded = seed();

        var admin = siyu.admin().get("/api/v1/customers?q=" + nameFragment(seeded));

        assertThat(admin.json().get("items").findValuesAsString("id"))
                .containsExactly(String.valueOf(seeded.customerId()));
    }

    /** A manual tag, once the audience index holds the seeded customer. */
    long manualTag(Seeded seeded) {
        var admin = siyu.admin();
        admin.awaitAudienceIndex();
        return admin.post("/api/v1/tags", """
                        {"name":"%s by phone","kind":"MANUAL"}""".formatted(seeded.userId()))
                .json()
                .get("id")
                .asLong();
    }

    static String byPhone(Seeded seeded) {
        return """
                {"customers":["phone:+86%s"]}""".formatted(seeded.values().get("identity phone"));
    }

    @Test
    void namingCustomersByPhoneOrEmailToTagThemNeedsTheRight() {
        var seeded = seed();
        var tagId = manualTag(seeded);

        var marketer = as(Role.MARKETER).post("/api/v1/tags/" + tagId + "/assignments", byPhone(seeded));

        assertThat(marketer.status()).as(marketer.body()).isEqualTo(403);
        assertThat(marketer.json().get("errors").get(0).get("field").asString()).isEqualTo("identity");
    }

    @Test
    void whoHasTheRightTagsCustomersNamedByPhone() {
        var seeded = seed();
        var tagId = manualTag(seeded);

        var byAdmin = siyu.admin().post("/api/v1/tags/" + tagId + "/assignments", byPhone(seeded));

        assertThat(byAdmin.json().get("assigned").asInt()).as(byAdmin.body()).isEqualTo(1);
    }

    static String count(String condition) {
        return """
                {"definition":{"version":1,"condition":%s}}""".formatted(condition);
    }

    @Test
    void comparingTraitsThatHoldPhonesOrEmailsNeedsTheRight() {
        seed();
        var admin = siyu.admin();
        admin.awaitAudienceIndex();
        var analyst = as(Role.ANALYST);
        var comparisons = List.of(
                "{\"type\":\"trait\",\"trait\":\"contact_phone\",\"operator\":\"starts_with\",\"value\":\"138\"}",
                "{\"type\":\"trait\",\"trait\":\"emailAddress\",\"operator\":\"contains\",\"value\":\"mei\"}",
                "{\"type\":\"trait\",\"trait\":\"mobile_number\",\"operator\":\"between\",\"from\":1,\"to\":2}");

        for (var condition : comparisons) {
            var refused = analyst.post("/api/v1/segments/count", count(condition));
            assertThat(refused.status()).as(condition + " " + refused.body()).isEqualTo(403);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("definition.condition.trait");
            assertThat(admin.post("/api/v1/segments/count", count(condition)).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void askingWhetherATraitThatHoldsPhonesExistsNeedsNoRight() {
        seed();
        siyu.admin().awaitAudienceIndex();

        var exists = as(Role.ANALYST).post("/api/v1/segments/count", count("""
                {"type":"trait","trait":"contact_phone","operator":"exists"}"""));

        assertThat(exists.status()).as(exists.body()).isEqualTo(200);
    }

    @Test
    void comparingTraitsWithoutPhonesOrEmailsNeedsNoRight() {
        seed();
        siyu.admin().awaitAudienceIndex();

        var city = as(Role.ANALYST).post("/api/v1/segments/count", count("""
                {"type":"trait","trait":"cohort","operator":"starts_with","value":"pd-"}"""));

        assertThat(city.status()).as(city.body()).isEqualTo(200);
    }

    /**
     * Every GET endpoint of the operator API, with its path filled in with the seeded customer's ids (and the segment,
     * snapshot and tag that hold them), plus the searches and filters that list them.
     */
    List<String> answersAbout(Seeded seeded, long segmentId, long snapshotId, long tagId) {
        var model = siyu.admin()
                .get("/api/v1/lifecycle/models")
                .json()
                .get(0)
                .get("name")
                .asString();
        var paths = new ArrayList<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (var pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                var id = pattern.startsWith("/api/v1/segments/")
                        ? segmentId
                        : pattern.startsWith("/api/v1/tags/") ? tagId : seeded.customerId();
                paths.add(pattern.replace("{id}", String.valueOf(id))
                        .replace("{snapshotId}", String.valueOf(snapshotId))
                        .replace("{orderId}", seeded.orderId())
                        .replace("{productId}", seeded.productId())
                        .replace("{name}", model));
            }
        });
        assertThat(paths).allSatisfy(path -> assertThat(path).doesNotContain("{"));
        paths.addAll(List.of(
                "/api/v1/customers?q=" + seeded.customerId(),
                "/api/v1/customers?identity=user_id:" + seeded.userId(),
                "/api/v1/customers?trait=cohort:" + seeded.userId(),
                "/api/v1/customers?limit=500",
                "/api/v1/customers/" + seeded.customerId() + "/events?limit=500",
                "/api/v1/orders?customerId=" + seeded.customerId(),
                "/api/v1/segments/" + segmentId + "/members?limit=500",
                "/api/v1/tags/" + tagId + "/members?limit=500",
                "/api/v1/overview?days=7"));
        return paths;
    }
}
