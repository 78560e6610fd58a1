package io.siyu.customers.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.PersonalData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class PersonalDataVaultTests {

    final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path keys;

    PersonalDataVault vault() {
        return PersonalDataVault.open(null, keys.resolve("keys.json"), json, new PersonalData("CN"));
    }

    @Test
    void anEventKeepsItsPhonesAndEmailsMaskedAndGetsThemBackFromTheSealExactly() {
        var vault = vault();
        var sent = json.readTree("""
                {"contact_phone": "13812345678", "mobile": 13900001111, "note": "call 138 1234 5678",
                 "13712345678": {"ann@example.com": ["bob@example.com", 1]}, "city": "上海"}""");
        var context = json.readTree("""
                {"externalIds": [{"id": "+8613612345678", "type": "phone"}, {"id": "u-1", "type": "crm"}]}""");
        var properties = sent.deepCopy();
        var storedContext = context.deepCopy();

        var sealed = vault.sealPersonalValues(Map.of("properties", properties, "context", storedContext), List.of());

        assertThat(properties.toString() + storedContext)
                .doesNotContain("12345678\"", "13900001111", "1234 5678", "ann@", "bob@")
                .contains("\"city\":\"上海\"", "\"u-1\"");
        vault.openPersonalValues(Map.of("properties", properties, "context", storedContext), sealed);
        assertThat(properties).isEqualTo(sent);
        assertThat(properties.propertyNames()).containsExactlyElementsOf(sent.propertyNames());
        assertThat(storedContext).isEqualTo(context);
    }

    @Test
    void anEventWithoutPersonalDataHasNothingSealed() {
        var properties = json.readTree("{\"order_id\": \"ORD-13812345678\", \"total\": 12999000}");

        assertThat(vault().sealPersonalValues(Map.of("properties", properties), List.of()))
                .isNull();
        assertThat(properties.toString()).contains("ORD-13812345678", "12999000");
    }

    @Test
    void phonesAndEmailsWhereTheIdentityRulesReadThemAreMaskedEntirelyWhateverTheyLookLike() {
        var vault = vault();
        var sent = json.readTree("""
                {"mobile": "138.1234.5678", "phone_number": "138/1234/5678", "phoneNumber": "12345678911",
                 "phone": "+86 139 8765 4321", "Email": "张三.li@example.cn", "city": "上海"}""");
        var context = json.readTree("""
                {"externalIds": [{"id": "u-1", "type": "crm"}, {"id": "137.1111.2222", "type": "phone"}]}""");
        var properties = sent.deepCopy();
        var storedContext = context.deepCopy();
        var identities = List.<List<Object>>of(
                List.of("properties", "mobile"),
                List.of("properties", "phone_number"),
                List.of("properties", "phoneNumber"),
                List.of("properties", "phone"),
                List.of("properties", "Email"),
                List.of("context", "externalIds", 1, "id"));

        var sealed = vault.sealPersonalValues(Map.of("properties", properties, "context", storedContext), identities);

        assertThat(properties.toString() + storedContext)
                .contains(
                        "\"mobile\":\"138.****.5678\"",
                        "\"phone_number\":\"138/****/5678\"",
                        "\"phoneNumber\":\"123****8911\"",
                        "\"phone\":\"+86 139 **** 4321\"",
                        "\"Email\":\"张***@example.cn\"",
                        "\"id\":\"137.****.2222\"",
                        "\"city\":\"上海\"",
                        "\"u-1\"");
        vault.openPersonalValues(Map.of("properties", properties, "context", storedContext), sealed);
        assertThat(properties).isEqualTo(sent);
        assertThat(storedContext).isEqualTo(context);
    }
}
