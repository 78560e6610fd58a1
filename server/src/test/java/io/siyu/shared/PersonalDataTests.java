package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PersonalDataTests {

    final PersonalData personalData = new PersonalData("CN");
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void masksPhonesAndEmailsInsideText() {
        var line = "Failing row contains (ann.lee@example.com, +8613812345678, 139 0000 1111, order 20260101123456)";

        assertThat(personalData.mask(line))
                .isEqualTo("Failing row contains (a***@example.com, +86138****5678, 139 **** 1111, "
                        + "order 20260101123456)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13812345678",
                "+86 138 1234 5678",
                "138-1234-5678",
                "0086 13812345678",
                "(021) 6234 5678",
                "400-820-8820",
                "+1 415 555 0100",
                "+44 20 7946 0958",
                "１３８１２３４５６７８",
                "手机13812345678",
                "call me on 13812345678 after six",
                "ann@example.com",
                "Ann.Lee+shop@mail.example.co.uk",
                "13812345678@qq.com",
                "write to <ann@example.com>."
            })
    void recognisesPhonesAndEmailsWhateverTheirLayoutOrSurroundings(String text) {
        assertThat(personalData.contains(text)).as(text).isTrue();
        assertThat(personalData.mask(text)).as(text).contains("***").isNotEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "took 1234 ms for 20000 rows, id 100042",
                "12345678",
                "20000000",
                "1730000000",
                "1730000000123",
                "20260101123456",
                "2026-11-02",
                "2026-11-02T08:30:00+08:00",
                "ORD-13812345678",
                "SKU13812345678",
                "version 1.2.13812345678",
                "12345678.90",
                "550e8400-e29b-41d4-a716-446655440000",
                "192.168.100.200",
                "sypat_test_api_token_0123456789abcdef",
                "user@localhost",
                "@ann",
                "ann@",
                "满300减50"
            })
    void leavesWhatIsNeitherAPhoneNorAnEmailAlone(String text) {
        assertThat(personalData.contains(text)).as(text).isFalse();
        assertThat(personalData.mask(text)).isEqualTo(text);
    }

    @Test
    void masksKeepTheLayoutAndHideTheFourDigitsBeforeTheLastFour() {
        assertThat(personalData.mask("+8613812345678")).isEqualTo("+86138****5678");
        assertThat(personalData.mask("138 1234 5678")).isEqualTo("138 **** 5678");
        assertThat(personalData.mask("(021) 6234 5678")).isEqualTo("(021) **** 5678");
        assertThat(PersonalData.maskPhone("1234567")).isEqualTo("***4567");
        assertThat(personalData.mask("联系 ann.lee@example.com")).isEqualTo("联系 a***@example.com");
    }

    @Test
    void maskingIsIdempotent() {
        var once = personalData.mask("ann@example.com, +8613812345678, 138 1234 5678");

        assertThat(personalData.mask(once)).isEqualTo(once);
        assertThat(personalData.contains(once)).isFalse();
    }

    @Test
    void findsTwoNumbersWrittenSideBySide() {
        assertThat(personalData.mask("13812345678 13900001111")).isEqualTo("138****5678 139****1111");
        assertThat(personalData.mask("room 1001 13812345678")).isEqualTo("room 1001 138****5678");
    }

    @Test
    void masksEveryValueOfAJsonTreeWhateverItsKeyAndDepth() {
        var tree = json.readTree("""
                {"contact_phone": "13812345678", "emailAddress": "ann@example.com", "mobile": 13900001111,
                 "note": "call 138 1234 5678", "price": 12999000, "ratio": 13812345678.5, "city": "上海",
                 "externalIds": [{"id": "+8613712345678", "type": "phone"}, {"id": "bob@example.com", "type": "crm"}],
                 "nested": {"deeper": [["x", "13612345678"]]}, "13512345678": true}""");

        personalData.mask(tree);

        assertThat(tree.toString())
                .doesNotContain("12345678\"", "ann@", "bob@", "13900001111", "1234 5678", "13512345678")
                .contains(
                        "\"contact_phone\":\"138****5678\"",
                        "\"mobile\":\"139****1111\"",
                        "\"price\":12999000",
                        "\"city\":\"上海\"",
                        "\"135****5678\":true",
                        "\"id\":\"+86137****5678\"",
                        "\"id\":\"b***@example.com\"");
    }

    @Test
    void tellsWhereEachMaskedValueStoodAndWhatItWas() {
        var tree = json.readTree("""
                {"traits": {"contact_phone": "13812345678"}, "list": ["ann@example.com", "plain"], "n": 1}""");
        var replaced = new ArrayList<List<Object>>();
        var originals = new ArrayList<String>();

        personalData.maskValues(tree, List.of(), (path, original) -> {
            replaced.add(path);
            originals.add(original.asString());
        });

        assertThat(replaced).containsExactly(List.of("traits", "contact_phone"), List.of("list", 0));
        assertThat(originals).containsExactly("13812345678", "ann@example.com");
    }

    @Test
    void recognisesEmailAddressesWhoseLocalPartIsInAnyScript() {
        assertThat(personalData.mask("写信给 张三.li@example.cn 或 müller@example.de"))
                .isEqualTo("写信给 张***@example.cn 或 m***@example.de");
        assertThat(personalData.mask("请联系客服邮箱service@shop.com，谢谢"))
                .as("prose glued to an address stays readable")
                .isEqualTo("请联系客服邮箱s***@shop.com，谢谢");
        assertThat(personalData.mask("张三@example.cn")).isEqualTo("张***@example.cn");
    }

    @Test
    void readsPhonesAsTheIdentityRulesDoWhateverTheirPunctuation() {
        assertThat(personalData.normalisePhone("138.1234.5678")).isEqualTo("+8613812345678");
        assertThat(personalData.normalisePhone("138/1234/5678")).isEqualTo("+8613812345678");
        assertThat(personalData.normalisePhone("12345678911")).isEqualTo("+8612345678911");
        assertThat(personalData.normalisePhone("not a number")).isNull();
        assertThat(PersonalData.isEmailAddress("张三@example.cn")).isTrue();
        assertThat(PersonalData.isEmailAddress("ann@localhost")).isFalse();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "138.1234.5678|138.****.5678",
                "138/1234/5678|138/****/5678",
                "12345678911|123****8911",
                "+86 138 1234 5678|+86 138 **** 5678",
                "138 1234 5678|138 **** 5678",
                "13812345678 (home)|138****5678 (****)",
                "13812345678 / 13987654321|138****5678 / 139****4321",
                "+86 138 1234 5678 ext. 12|+86 138 **** 5678 ***. **",
                "1-800-FLOWERS|*-***-*******",
                "张三.li@example.cn|张***@example.cn",
                "a(b)c@example.cn|a***@example.cn",
                "home: 138 1234|home: *** 1234",
                "n/a|*/*"
            })
    void valuesWherePhonesOrEmailsAreExpectedAreMaskedEntirely(String value, String masked) {
        assertThat(personalData.maskEntirely(value)).isEqualTo(masked);
    }

    @Test
    void theShapeOfAPhoneIsOneDefinitionForTextAndForTheDatabase() {
        assertThat(PersonalData.isPhoneShaped("138 1234")).isTrue();
        assertThat(PersonalData.isPhoneShaped("+86 (21) 6234-5678")).isTrue();
        assertThat(PersonalData.isPhoneShaped("Mei 138")).isFalse();
        var shaped = java.util.regex.Pattern.compile(PersonalData.SHAPED_LIKE_PHONE_OR_EMAIL);
        assertThat(shaped.matcher("Mei 138 1234").find()).isTrue();
        assertThat(shaped.matcher("mei@").find()).isTrue();
        assertThat(shaped.matcher("Mei 138").find()).isFalse();
    }
}
