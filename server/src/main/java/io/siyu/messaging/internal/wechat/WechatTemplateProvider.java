package io.siyu.messaging.internal.wechat;

import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.Delivery;
import io.siyu.messaging.internal.delivery.Outgoing;
import io.siyu.messaging.internal.delivery.Provider;
import io.siyu.messaging.internal.delivery.ProviderCheck;
import io.siyu.messaging.internal.providers.ProviderSettings;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Official-account template messages through WeChat ({@code POST /cgi-bin/message/template/send}), one request per
 * message. The message opens its link (through the click redirect), or, with a mini-program configured for the
 * account and a page in the template, that page of the mini-program. The ledger id goes as {@code client_msg_id},
 * WeChat's idempotency key: a message tried again after a lost answer is not sent twice. Answers are read by
 * {@link WechatErrors}; a customer who does not follow the account ({@code 43004}) cannot get it.
 */
@Component
class WechatTemplateProvider implements Provider {

    private final ProviderSettings settings;
    private final WechatApi api;
    private final JsonMapper json;

    WechatTemplateProvider(ProviderSettings settings, WechatApi api, JsonMapper json) {
        this.settings = settings;
        this.api = api;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT_TEMPLATE;
    }

    @Override
    public String name() {
        return "wechat-template";
    }

    @Override
    public boolean configured() {
        return settings.wechat().officialAccount().configured();
    }

    @Override
    public ProviderCheck check() {
        return api.check(settings.wechat().officialAccount());
    }

    @Override
    public List<Delivery> send(List<Outgoing> messages) {
        return WechatErrors.each(messages, this::send);
    }

    private Delivery send(Outgoing message) {
        var rendered = message.rendered();
        var wechat = rendered.wechat();
        if (wechat == null) {
            return Delivery.parked(message.sendId(), "the template names no WeChat template");
        }
        var body = json.createObjectNode().put("touser", message.to()).put("template_id", wechat.templateId());
        if (rendered.link() != null && !rendered.link().isBlank()) {
            body.put("url", rendered.link());
        }
        var account = settings.wechat().officialAccount();
        var miniProgram = account.miniProgramAppId();
        if (miniProgram != null
                && !miniProgram.isBlank()
                && wechat.page() != null
                && !wechat.page().isBlank()) {
            body.putObject("miniprogram").put("appid", miniProgram).put("pagepath", wechat.page());
        }
        var data = body.putObject("data");
        wechat.parameters().forEach((key, value) -> data.putObject(key).put("value", value));
        if (message.sendId() > 0) {
            body.put("client_msg_id", "siyu-" + message.sendId());
        }
        return WechatErrors.outcome(message.sendId(), api.post(account, "/cgi-bin/message/template/send", body));
    }
}
