package io.siyu.customers.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.customers.Touch;
import io.siyu.customers.TouchType;
import io.siyu.shared.PersonalData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class IdentityRulesTests {

    final IdentityRules rules = new IdentityRules(new PersonalData("CN"));
    final JsonMapper json = JsonMapper.builder().build();

    Touch identify(String traits) {
        return new Touch(
                "m",
                TouchType.IDENTIFY,
                null,
                "u1",
                null,
                null,
                null,
                (ObjectNode) json.readTree(traits),
                json.createObjectNode(),
                json.createObjectNode(),
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void phonesAreNormalisedToE164WithTheBrandsRegion() {
        var extraction = rules.extract(identify("{\"phone\":\"138 1234 5678\"}"));

        assertThat(extraction.identities()).contains(new IdentityKey("phone", "+8613812345678"));
        assertThat(extraction.violations()).isEmpty();
    }

    @Test
    void emailsAreLowerCased() {
        assertThat(rules.extract(identify("{\"email\":\" Ann@Example.COM \"}")).identities())
                .contains(new IdentityKey("email", "ann@example.com"));
    }

    @Test
    void anInvalidEmailIsRefusedWithItsField() {
        var extraction = rules.extract(identify("{\"email\":\"not-an-address\"}"));

        assertThat(extraction.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("traits.email");
            assertThat(v.rule()).isEqualTo("email");
        });
    }

    @Test
    void platformIdsInTraitsBecomeIdentities() {
        var extraction = rules.extract(identify("{\"wechatOpenId\":\"o6_bmjrPTlm6\",\"unionid\":\"u-1\"}"));

        assertThat(extraction.identities())
                .contains(new IdentityKey("wechat_openid", "o6_bmjrPTlm6"), new IdentityKey("wechat_unionid", "u-1"));
    }

    @Test
    void masksKeepOnlyWhatIdentifiesTheValueToItsOwner() {
        assertThat(IdentityRules.mask("phone", "+8613812345678")).isEqualTo("+86138****5678");
        assertThat(IdentityRules.mask("email", "ann.lee@example.com")).isEqualTo("a***@example.com");
    }

    @Test
    void externalIdsMayHaveSegmentsDottedTypes() {
        var touch = identify("{}");
        touch.context().set("externalIds", json.readTree("""
                [{"id":"6D92078A-8246-4BA4-AE5B-76104861E7DC","type":"ios.idfa","collection":"users","encoding":"none"},
                 {"id":"b1c2","type":"android.id","collection":"users","encoding":"none"}]"""));

        var extraction = rules.extract(touch);

        assertThat(extraction.violations()).isEmpty();
        assertThat(extraction.identities())
                .contains(
                        new IdentityKey("ios.idfa", "6D92078A-8246-4BA4-AE5B-76104861E7DC"),
                        new IdentityKey("android.id", "b1c2"));
    }

    @Test
    void anExtractionTellsWhereItsPhonesAndEmailsStandHoweverTheyAreWritten() {
        var touch = identify("""
                {"mobile":"138.1234.5678","phone_number":"138/1234/5678","Email":"张三@example.cn","city":"上海"}""");
        touch.context().set("traits", json.readTree("{\"phone\":\"12345678911\"}"));
        touch.context().set("externalIds", json.readTree("""
                [{"id":"u-1","type":"crm"},{"id":"139.8765.4321","type":"Phone"},{"id":"李四@example.cn","type":"email"}]"""));

        var extraction = rules.extract(touch);

        assertThat(extraction.violations()).isEmpty();
        assertThat(extraction.identities())
                .contains(
                        new IdentityKey("phone", "+8613812345678"),
                        new IdentityKey("phone", "+8612345678911"),
                        new IdentityKey("phone", "+8613987654321"),
                        new IdentityKey("email", "张三@example.cn"),
                        new IdentityKey("email", "李四@example.cn"));
        assertThat(extraction.personalValues())
                .containsExactly(
                        List.of("traits", "mobile"),
                        List.of("traits", "phone_number"),
                        List.of("traits", "Email"),
                        List.of("context", "traits", "phone"),
                        List.of("context", "externalIds", 1, "id"),
                        List.of("context", "externalIds", 2, "id"));
    }
}
