package io.siyu.messaging.internal.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A WeChat template names the template picked in the mini-program's or official account's back office and fills its
 * keys; it is checked for what WeChat refuses before it is saved (a subscribe message's keys by kind and their lengths;
 * no marketing in an official account's template messages), and renders its keys and page with Handlebars.
 */
class WechatTemplateRulesTests {

    static final String TEMPLATE_ID = "bDmywsp2oEHjwAadTGKkUHpC0RgBVPvfAIkCyLnj2kI";

    static TemplateContent content(String text, Map<String, String> parameters, String page, String link) {
        return new TemplateContent("", null, text, null, new WechatContent(TEMPLATE_ID, page, parameters), link);
    }

    static List<String> broken(TemplateContent content, boolean subscribe, boolean marketing) {
        return TemplateRules.checkWechat(content, subscribe, marketing).stream()
                .map(v -> v.field() + ":" + v.rule())
                .toList();
    }

    @Test
    void aSubscribeMessagesKeysAreNamedByKindAndFitWeChatsLimits() {
        var good = content(
                "订单 ${thing1} 已发货，金额 ${amount2}",
                Map.of("thing1", "{{data.product}}", "amount2", "{{data.total}}元"),
                "pages/order/detail?id={{data.order}}",
                null);
        var bad = content(
                "${keyword1} ${thing1} ${missing}",
                Map.of("keyword1", "x", "thing1", "这是一段超过二十个字的商品名称说明文字，确实很长很长"),
                null,
                null);

        assertThat(broken(good, true, true))
                .as("a subscription is the customer's consent")
                .isEmpty();
        assertThat(broken(bad, true, false))
                .containsExactlyInAnyOrder(
                        "wechat.parameters.keyword1:pattern",
                        "wechat.parameters.thing1:wechat-value-length",
                        "wechat.parameters.missing:required");
    }

    @Test
    void anOfficialAccountTemplateMessageIsAServiceNoticeNeverMarketing() {
        var notice = content(
                "${first} ${keyword1}",
                Map.of("first", "您好", "keyword1", "{{data.order}}"),
                null,
                "https://shop.example.com/orders/{{data.order}}");

        assertThat(broken(notice, false, false)).isEmpty();
        assertThat(broken(notice, false, true)).containsExactly("purpose:wechat-service-only");
    }

    @Test
    void aWeChatTemplateNamesItsTemplateAndHasNoHtml() {
        var none = new TemplateContent("", "<p>x</p>", "text", null, null, null);
        var badId = new TemplateContent(
                "", null, "text", null, new WechatContent("id!", null, Map.of("thing1", "x")), null);

        assertThat(broken(none, true, false)).containsExactlyInAnyOrder("html:channel", "wechat:required");
        assertThat(broken(badId, true, false)).containsExactly("wechat.templateId:pattern");
        assertThat(broken(content("x", Map.of("thing1", "a"), null, "https://x.example"), true, false))
                .containsExactly("link:channel");
    }

    @Test
    void otherChannelsRefuseWhatOnlyWeChatOrTheInboxNames() {
        var wechat = content("x", Map.of("thing1", "a"), null, null);
        var linked = new TemplateContent("Hi", null, "text", null, null, "https://shop.example.com");

        assertThat(TemplateRules.checkContent(wechat).stream().map(v -> v.field() + ":" + v.rule()))
                .contains("wechat:channel");
        assertThat(TemplateRules.checkContent(linked).stream().map(v -> v.field() + ":" + v.rule()))
                .containsExactly("link:channel");
        assertThat(TemplateRules.checkInbox(linked)).isEmpty();
    }

    @Test
    void theKeysAndThePageRenderForTheCustomerAndFillTheWording() {
        var rendered = new TemplateRenderer()
                .renderDraft(
                        content(
                                "${thing1} 已发货",
                                Map.of("thing1", "{{data.product}}"),
                                "pages/order/detail?id={{data.order}}",
                                null),
                        Map.of("data", Map.of("product", "桂花乌龙", "order", "A-7")));

        assertThat(rendered.text()).isEqualTo("桂花乌龙 已发货");
        assertThat(rendered.wechat().parameters()).containsEntry("thing1", "桂花乌龙");
        assertThat(rendered.wechat().page()).isEqualTo("pages/order/detail?id=A-7");
        assertThat(rendered.subject())
                .as("lists show the template's id without a subject")
                .isEqualTo(TEMPLATE_ID);
    }
}
