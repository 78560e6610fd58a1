package io.siyu.journeys.internal.library;

import static io.siyu.messaging.Channel.EMAIL;
import static io.siyu.messaging.Purpose.MARKETING;

import io.siyu.messaging.Messages.TemplateSpec;
import java.util.List;

/** The lifecycle scenes Siyu ships. Their waits are what brands commonly start with; operators tune them. */
final class Scenes {

    private Scenes() {}

    private static final String HELLO = "{{#if customer.first_name}}{{customer.first_name}}{{else}}朋友{{/if}}";

    private static TemplateSpec email(String key, String name, String subject, String body) {
        var html = """
                <html><body style="font-family:sans-serif;color:#333">
                <p>%s，你好 / Hello %s,</p>
                %s
                <p><a href="https://shop.example.com/">去逛逛 / Visit the shop</a></p>
                <p style="color:#888">{{brand.name}}</p>
                </body></html>""".formatted(HELLO, HELLO, body);
        var text = HELLO + "，你好 / Hello " + HELLO + ",\n\n"
                + body.replaceAll("<[^>]+>", "").strip() + "\n\nhttps://shop.example.com/\n{{brand.name}}";
        return new TemplateSpec(key, name, EMAIL, MARKETING, subject, html, text);
    }

    static final List<Scene> ALL = List.of(
            new Scene(
                    "welcome",
                    "Welcome series · 欢迎系列",
                    "Greets a customer who signs up, then nudges them toward a first order if none follows in five days.",
                    List.of(
                            email(
                                    "welcome-1",
                                    "Welcome 1: hello",
                                    "欢迎来到{{brand.name}} / Welcome to {{brand.name}}",
                                    "<p>感谢注册！这里有为你挑选的新品。</p><p>Thanks for joining: here is what is new.</p>"),
                            email(
                                    "welcome-2",
                                    "Welcome 2: first order",
                                    "{{customer.first_name}}，你的首单礼 / Your first-order gift",
                                    "<p>首单满199减30，7天内有效。</p><p>¥30 off your first order over ¥199, for 7 days.</p>")),
                    """
                    {"trigger":{"type":"event","event":"Signed Up"},"reentry":{"mode":"once"},"controlPercent":10,
                     "goal":{"event":"Order Completed","withinDays":14},"first":"hello","nodes":[
                      {"id":"hello","type":"action","action":"send_message","config":{"template":"welcome-1"},
                       "next":"order"},
                      {"id":"order","type":"wait_event","event":"Order Completed","timeout":"P5D","onEvent":null,
                       "onTimeout":"gift"},
                      {"id":"gift","type":"action","action":"send_message","config":{"template":"welcome-2"}}]}""",
                    null),
            new Scene(
                    "browse-abandonment",
                    "Browse abandonment · 浏览未购",
                    "Reminds a customer of a product they looked at when no order follows within a day; once a week at"
                            + " most.",
                    List.of(email(
                            "browse-reminder",
                            "Browse abandonment reminder",
                            "还在考虑{{data.name}}吗？ / Still thinking about {{data.name}}?",
                            "<p>你看过的{{data.name}}还在等你。</p><p>{{data.name}} is still here for you.</p>")),
                    """
                    {"trigger":{"type":"event","event":"Product Viewed"},"reentry":{"mode":"once_per_days","days":7},
                     "controlPercent":10,"goal":{"event":"Order Completed","withinDays":3},"first":"order","nodes":[
                      {"id":"order","type":"wait_event","event":"Order Completed","timeout":"P1D","onEvent":null,
                       "onTimeout":"remind"},
                      {"id":"remind","type":"action","action":"send_message","config":{"template":"browse-reminder"}}]}""",
                    null),
            new Scene(
                    "abandoned-cart",
                    "Abandoned cart · 购物车挽回",
                    "Reminds a customer of what they put in the cart an hour later, and once more the next day, unless"
                            + " they order.",
                    List.of(
                            email(
                                    "cart-reminder",
                                    "Cart reminder",
                                    "你的购物车还有{{data.name}} / {{data.name}} is in your cart",
                                    "<p>购物车里的宝贝还在，别错过。</p><p>You left something in your cart.</p>"),
                            email(
                                    "cart-last-call",
                                    "Cart last call",
                                    "最后提醒：{{data.name}} / Last call: {{data.name}}",
                                    "<p>库存有限，今天下单包邮。</p><p>Stock is limited: free shipping if you order"
                                            + " today.</p>")),
                    """
                    {"trigger":{"type":"event","event":"Product Added"},"reentry":{"mode":"once_per_days","days":3},
                     "controlPercent":10,"goal":{"event":"Order Completed","withinDays":3},"first":"hour","nodes":[
                      {"id":"hour","type":"wait_event","event":"Order Completed","timeout":"PT1H","onEvent":null,
                       "onTimeout":"remind"},
                      {"id":"remind","type":"action","action":"send_message","config":{"template":"cart-reminder"},
                       "next":"day"},
                      {"id":"day","type":"wait_event","event":"Order Completed","timeout":"P1D","onEvent":null,
                       "onTimeout":"last"},
                      {"id":"last","type":"action","action":"send_message","config":{"template":"cart-last-call"}}]}""",
                    null),
            new Scene(
                    "first-purchase",
                    "First-purchase nudge · 首单转化",
                    "A week after signing up without an order, offers free shipping on the first one.",
                    List.of(email(
                            "first-purchase",
                            "First purchase nudge",
                            "首单包邮 / Free shipping on your first order",
                            "<p>注册一周啦，首单包邮送给你。</p><p>A week with us: your first order ships free.</p>")),
                    """
                    {"trigger":{"type":"event","event":"Signed Up"},"reentry":{"mode":"once"},"controlPercent":10,
                     "goal":{"event":"Order Completed","withinDays":14},"first":"week","nodes":[
                      {"id":"week","type":"wait_event","event":"Order Completed","timeout":"P7D","onEvent":null,
                       "onTimeout":"nudge"},
                      {"id":"nudge","type":"action","action":"send_message","config":{"template":"first-purchase"}}]}""",
                    null),
            new Scene(
                    "repurchase",
                    "Repurchase reminder · 复购提醒",
                    "Thirty days after an order with no other, reminds the customer to stock up again.",
                    List.of(email(
                            "repurchase-reminder",
                            "Repurchase reminder",
                            "该补货啦 / Time to stock up",
                            "<p>上次购买的好物快用完了吗？</p><p>Running low on your favourites?</p>")),
                    """
                    {"trigger":{"type":"event","event":"Order Completed"},"reentry":{"mode":"always"},
                     "controlPercent":10,"goal":{"event":"Order Completed","withinDays":45},"first":"month","nodes":[
                      {"id":"month","type":"wait_event","event":"Order Completed","timeout":"P30D","onEvent":null,
                       "onTimeout":"remind"},
                      {"id":"remind","type":"action","action":"send_message",
                       "config":{"template":"repurchase-reminder"}}]}""",
                    null),
            new Scene(
                    "win-back",
                    "Churn warning and win-back · 流失预警召回",
                    "When a customer falls into the RFM group 'at risk', sends a we-miss-you offer, and a second one"
                            + " after a week without an order.",
                    List.of(
                            email(
                                    "win-back-1",
                                    "Win-back 1",
                                    "好久不见 / We miss you",
                                    "<p>好久不见，送你一张回归券。</p><p>It has been a while: here is a welcome-back"
                                            + " coupon.</p>"),
                            email(
                                    "win-back-2",
                                    "Win-back 2",
                                    "回归券即将过期 / Your coupon expires soon",
                                    "<p>回归券还有3天过期。</p><p>Your welcome-back coupon expires in 3 days.</p>")),
                    """
                    {"trigger":{"type":"segment_entered","segment":$segment},"reentry":{"mode":"once_per_days",
                     "days":90},"controlPercent":10,"goal":{"event":"Order Completed","withinDays":30},
                     "first":"first","nodes":[
                      {"id":"first","type":"action","action":"send_message","config":{"template":"win-back-1"},
                       "next":"week"},
                      {"id":"week","type":"wait_event","event":"Order Completed","timeout":"P7D","onEvent":null,
                       "onTimeout":"second"},
                      {"id":"second","type":"action","action":"send_message","config":{"template":"win-back-2"}}]}""",
                    "RFM: at risk"),
            new Scene(
                    "review-request",
                    "Post-purchase review request · 评价邀请",
                    "A week after an order, asks the customer how they like it.",
                    List.of(email(
                            "review-request",
                            "Review request",
                            "用得怎么样？ / How do you like it?",
                            "<p>期待你的评价，晒单有礼。</p><p>Tell us what you think: reviews with photos get a" + " gift.</p>")),
                    """
                    {"trigger":{"type":"event","event":"Order Completed"},"reentry":{"mode":"always"},
                     "first":"week","nodes":[
                      {"id":"week","type":"wait","duration":"P7D","next":"ask"},
                      {"id":"ask","type":"action","action":"send_message","config":{"template":"review-request"}}]}""",
                    null));
}
