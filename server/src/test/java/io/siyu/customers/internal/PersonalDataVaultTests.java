package io.siyu.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.PersonalData;
import java.nio.file.Path;
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

        var sealed = vault.sealPersonalValues(Map.of("properties", properties, "context", storedContext));

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

        assertThat(vault().sealPersonalValues(Map.of("properties", properties))).isNull();
        assertThat(properties.toString()).contains("ORD-13812345678", "12999000");
    }
}
