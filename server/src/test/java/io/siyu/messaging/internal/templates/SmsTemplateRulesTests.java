package io.siyu.messaging.internal.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.shared.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An SMS template names an approved template of the provider, its signature and its parameters, and is checked for
 * what the provider and China's rules on marketing SMS require before it is saved; it renders its parameters with
 * Handlebars from the same values as e-mail.
 */
class SmsTemplateRulesTests {

    static List<String> broken(TemplateContent content, boolean marketing, String defaultSign) {
        return TemplateRules.checkSms(content, marketing, SmsTemplateFixtures.OPT_OUT, defaultSign).stream()
                .map(v -> v.field() + ":" + v.rule())
                .toList();
    }

    @Test
    void aWellFormedMarketingTemplateKeepsEveryRule() {
        assertThat(broken(SmsTemplateFixtures.welcome(), true, null)).isEmpty();
    }

    @Test
    void theCodeAndTheSignatureMustBeAsTheProviderWritesThem() {
        var content = SmsTemplateFixtures.content("hi", "123", "【思语】", Map.of());

        assertThat(broken(content, false, null))
                .containsExactlyInAnyOrder("sms.templateCode:pattern", "sms.signName:pattern");
        assertThat(broken(SmsTemplateFixtures.content("hi", "SMS_1", "12345", Map.of()), false, null))
                .containsExactly("sms.signName:pattern");
    }

    @Test
    void aTemplateWithoutASignatureTakesTheConfiguredOneOrIsRefused() {
        var content = SmsTemplateFixtures.content("hi", "SMS_1", null, Map.of());

        assertThat(broken(content, false, "思语商城")).isEmpty();
        assertThat(broken(content, false, null)).containsExactly("sms.signName:required");
    }

    @Test
    void marketingMustHoldTheOptOutWordsAndTransactionalNeedNot() {
        var content = SmsTemplateFixtures.content("新品上架", "SMS_1", "思语商城", Map.of());

        assertThat(broken(content, true, null)).containsExactly("text:sms-opt-out");
        assertThat(broken(content, false, null)).isEmpty();
    }

    @Test
    void parametersMustFitTheProvidersLimitCompileAndCoverTheWording() {
        var content = SmsTemplateFixtures.content(
                "${name} ${code} ${missing}",
                "SMS_1",
                "思语商城",
                Map.of("name", "x".repeat(36), "code", "{{#if}}", "bad name", "x"));

        assertThat(broken(content, false, null))
                .containsExactlyInAnyOrder(
                        "sms.parameters.name:sms-parameter-length",
                        "sms.parameters.code:template-syntax",
                        "sms.parameters.bad name:pattern",
                        "sms.parameters.missing:required");
    }

    @Test
    void anSmsTemplateHasNoHtmlAndAnEmailTemplateNamesNoProviderTemplate() {
        var sms = new TemplateContent("", "<p>x</p>", "hi", new SmsContent("SMS_1", "思语商城", Map.of()));
        var email = new TemplateContent("s", null, "t", new SmsContent("SMS_1", "思语商城", Map.of()));

        assertThat(broken(sms, false, null)).containsExactly("html:channel");
        assertThat(TemplateRules.checkContent(email))
                .extracting(Violation::rule)
                .containsExactly("channel");
    }

    @Test
    void parametersRenderFromTheCustomersValuesIntoTheWording() {
        var version = new TemplateVersion(1, 1, SmsTemplateFixtures.welcome(), Instant.EPOCH, "test");

        var rendered = new TemplateRenderer()
                .render(version, Map.of("customer", Map.of("first_name", "Ying <b>"), "data", Map.of("code", "a1")));

        assertThat(rendered.sms().templateCode()).isEqualTo("SMS_100000001");
        assertThat(rendered.sms().parameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("name", "Ying <b>", "link", "s.example.cn/a1"));
        assertThat(rendered.text()).isEqualTo("Ying <b>，新品上架，点击查看 s.example.cn/a1 拒收请回复R");
        assertThat(rendered.subject()).isEqualTo("SMS_100000001");
        assertThat(rendered.html()).isNull();
    }
}
