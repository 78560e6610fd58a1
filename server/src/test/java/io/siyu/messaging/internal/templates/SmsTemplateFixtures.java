package io.siyu.messaging.internal.templates;

import java.util.Map;

/** SMS template content for the templates' plain tests. */
final class SmsTemplateFixtures {

    static final String OPT_OUT = "拒收请回复R";

    private SmsTemplateFixtures() {}

    static TemplateContent content(String text, String code, String sign, Map<String, String> parameters) {
        return new TemplateContent("", null, text, new SmsContent(code, sign, parameters));
    }

    /** A marketing template that keeps every rule. */
    static TemplateContent welcome() {
        return content(
                "${name}，新品上架，点击查看 ${link} " + OPT_OUT,
                "SMS_100000001",
                "思语商城",
                Map.of("name", "{{customer.first_name}}", "link", "s.example.cn/{{data.code}}"));
    }
}
