package io.siyu.messaging.internal.wechat;

import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.Delivery;
import io.siyu.messaging.internal.delivery.Outgoing;
import io.siyu.messaging.internal.delivery.Provider;
import io.siyu.messaging.internal.delivery.ProviderCheck;
import io.siyu.messaging.internal.providers.ProviderSettings;
import io.siyu.messaging.internal.templates.WechatKeys;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mini-program subscribe messages through WeChat ({@code POST /cgi-bin/message/subscribe/send}), one request per
 * message. Before WeChat is asked, each value is held to its kind's length: a {@code thing} longer than 20 characters
 * is cut to 19 and "…" (a product name, say, still tells the customer what it is about), any other kind over its limit
 * fails the message naming the key, since a cut number, amount or time would say something false. Answers are read by
 * {@link WechatErrors}. The subscription the message spends was taken by the dispatcher before (see
 * {@link SubscriptionGrants}); WeChat takes no idempotency key here, so a message whose answer was lost may have been
 * sent.
 */
@Component
class WechatSubscribeProvider implements Provider {

    /** The most characters of a {@code thing} value WeChat takes. */
    static final int THING_LIMIT = 20;

    private final ProviderSettings settings;
    private final WechatApi api;
    private final JsonMapper json;

    WechatSubscribeProvider(ProviderSettings settings, WechatApi api, JsonMapper json) {
        this.settings = settings;
        this.api = api;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT_SUBSCRIBE;
    }

    @Override
    public String name() {
        return "wechat-subscribe";
    }

    @Override
    public boolean configured() {
        return settings.wechat().miniProgram().configured();
    }

    @Override
    public ProviderCheck check() {
        return api.check(settings.wechat().miniProgram());
    }

    @Override
    public List<Delivery> send(List<Outgoing> messages) {
        return WechatErrors.each(messages, this::send);
    }

    private Delivery send(Outgoing message) {
        var wechat = message.rendered().wechat();
        if (wechat == null) {
            return Delivery.parked(message.sendId(), "the template names no WeChat template");
        }
        var current = settings.wechat();
        var body = json.createObjectNode()
                .put("touser", message.to())
                .put("template_id", wechat.templateId())
                .put("miniprogram_state", current.miniprogramState())
                .put("lang", current.lang());
        if (wechat.page() != null && !wechat.page().isBlank()) {
            body.put("page", wechat.page());
        }
        var refusal = data(body.putObject("data"), wechat.parameters());
        if (refusal != null) {
            return Delivery.rejected(message.sendId(), refusal);
        }
        return WechatErrors.outcome(
                message.sendId(), api.post(current.miniProgram(), "/cgi-bin/message/subscribe/send", body));
    }

    /** Fills {@code data} with the values, each held to its kind's length; answers why one cannot go, or null. */
    static @Nullable String data(ObjectNode data, Map<String, String> parameters) {
        for (var parameter : parameters.entrySet()) {
            var key = parameter.getKey();
            var value = parameter.getValue();
            var length = value.codePointCount(0, value.length());
            var kind = WechatKeys.kind(key);
            if (kind.isPresent() && length > kind.get().maxLength()) {
                if (!kind.get().key().equals("thing")) {
                    return "the key '" + key + "' has " + length
                            + " characters for this customer; WeChat takes at most "
                            + kind.get().maxLength() + " in its kind ("
                            + kind.get().key() + ")";
                }
                value = value.substring(0, value.offsetByCodePoints(0, THING_LIMIT - 1)) + "…";
            }
            data.putObject(key).put("value", value);
        }
        return null;
    }
}
