package io.siyu.messaging.internal.dispatch;

import io.siyu.customers.ProfileSnapshot;
import io.siyu.messaging.Channel;
import io.siyu.messaging.Purpose;
import io.siyu.messaging.internal.delivery.MessagingProperties;
import io.siyu.messaging.internal.providers.ProviderSettings;
import io.siyu.messaging.internal.templates.TemplateRenderer;
import io.siyu.messaging.internal.tracking.HtmlFooter;
import io.siyu.messaging.internal.tracking.TrackingLinks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes a message of a template for one customer: the values a template sees, the rendered parts, the unsubscribe
 * link a marketing message must carry (added at the end when the template does not place it), tracking, and the
 * {@code List-Unsubscribe} headers of RFC 8058.
 */
@Component
public class MessageComposer {

    private final TrackingLinks links;
    private final MessagingProperties properties;
    private final ProviderSettings providers;

    MessageComposer(TrackingLinks links, MessagingProperties properties, ProviderSettings providers) {
        this.links = links;
        this.properties = properties;
        this.providers = providers;
    }

    /**
     * What a template sees: {@code customer} (the traits, and {@code id}), {@code facts} (orders and spend),
     * {@code data} (values the sender passed), {@code brand} and {@code links}.
     */
    public Map<String, Object> model(
            @Nullable ProfileSnapshot customer, Map<String, Object> data, @Nullable String unsubscribeUrl) {
        var model = new LinkedHashMap<String, Object>();
        var traits = new LinkedHashMap<String, Object>();
        var facts = new LinkedHashMap<String, Object>();
        if (customer != null) {
            traits.putAll(customer.traits());
            traits.put("id", customer.id().value());
            facts.put("order_count", customer.orderCount());
            facts.put("total_spent", customer.totalSpent());
            facts.put("first_order_at", customer.firstOrderAt());
            facts.put("last_order_at", customer.lastOrderAt());
            facts.put("first_seen_at", customer.firstSeenAt());
        }
        model.put("customer", traits);
        model.put("facts", facts);
        model.put("data", data);
        model.put("brand", Map.of("name", properties.brandName()));
        var linkValues = new LinkedHashMap<String, Object>();
        if (unsubscribeUrl != null) {
            linkValues.put("unsubscribe", unsubscribeUrl);
        }
        model.put("links", linkValues);
        return model;
    }

    /** An e-mail rendered for sending: unsubscribe link ensured for marketing, tracking in place, headers. */
    public Composed compose(long sendId, Purpose purpose, TemplateRenderer.Rendered rendered, boolean track) {
        return compose(sendId, Channel.EMAIL, purpose, rendered, track);
    }

    /**
     * A message rendered for sending on its channel. An SMS carries no link and no header: its wording is the
     * provider's approved template (which, for marketing, holds the opt-out words, checked when it was saved), shown
     * after its signature 【...】, the configured one when the template names none.
     */
    public Composed compose(
            long sendId, Channel channel, Purpose purpose, TemplateRenderer.Rendered rendered, boolean track) {
        if (channel == Channel.SMS && rendered.sms() != null) {
            var sms = rendered.sms();
            var sign = sms.signName() == null || sms.signName().isBlank()
                    ? providers.sms().signName()
                    : sms.signName();
            var text = sign == null || sign.isBlank() ? rendered.text() : "【" + sign + "】" + rendered.text();
            return new Composed(
                    new TemplateRenderer.Rendered(
                            rendered.subject(),
                            null,
                            text,
                            new TemplateRenderer.SmsMessage(sms.templateCode(), sign, sms.parameters())),
                    Map.of());
        }
        if (channel == Channel.WECHAT_SUBSCRIBE
                || channel == Channel.WECHAT_TEMPLATE
                || channel == Channel.INBOX
                || channel == Channel.PUSH
                || channel == Channel.WECOM) {
            return new Composed(linked(sendId, channel, rendered, track), Map.of());
        }
        var headers = new LinkedHashMap<String, String>();
        var html = rendered.html();
        var text = rendered.text();
        if (purpose == Purpose.MARKETING) {
            var unsubscribe = links.unsubscribeUrl(sendId);
            if (html != null && !html.contains(unsubscribe)) {
                html = HtmlFooter.html(html, unsubscribe, properties.brandName());
            }
            if (!text.contains(unsubscribe)) {
                text = HtmlFooter.text(text, unsubscribe, properties.brandName());
            }
            var mailto = properties.email().unsubscribeMailto();
            headers.put(
                    "List-Unsubscribe",
                    "<" + unsubscribe + ">"
                            + (mailto == null || mailto.isBlank()
                                    ? ""
                                    : ", <mailto:" + mailto + "?subject=unsubscribe>"));
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (track && html != null) {
            html = links.track(html, sendId);
        }
        return new Composed(new TemplateRenderer.Rendered(rendered.subject(), html, text), headers);
    }

    /**
     * A WeChat, inbox or push message with its web link (and an inbox message's HTML links) going through the click
     * redirect when tracked. A path inside the shop's app stays as it is: only the app can open it. An official-account
     * message is a service notice, and an inbox message or a notification belongs to the shop's app, so none carries an
     * unsubscribe footer: the customer turns them off in WeChat, in the app's settings or in the phone's (the consent
     * category of the channel).
     */
    private TemplateRenderer.Rendered linked(
            long sendId, Channel channel, TemplateRenderer.Rendered rendered, boolean track) {
        var link = rendered.link();
        if (track && link != null && (link.startsWith("https://") || link.startsWith("http://"))) {
            link = links.clickUrl(sendId, link);
        }
        var html = track && channel == Channel.INBOX && rendered.html() != null
                ? links.track(rendered.html(), sendId)
                : rendered.html();
        return new TemplateRenderer.Rendered(
                rendered.subject(), html, rendered.text(), rendered.sms(), rendered.wechat(), link);
    }

    /** The keyed digest under which the ledger knows the address a message went to (see {@link TrackingLinks}). */
    public String recipientKey(String address) {
        return links.recipientKey(address);
    }

    public String unsubscribeUrl(long sendId) {
        return links.unsubscribeUrl(sendId);
    }

    /** The rendered message and the headers to send with it. */
    public record Composed(TemplateRenderer.Rendered rendered, Map<String, String> headers) {}
}
