package io.siyu.messaging;

import com.fasterxml.jackson.annotation.JsonValue;
import io.siyu.customers.ContactPoints;
import io.siyu.shared.InputRules;
import io.siyu.shared.PersonalData;
import org.jspecify.annotations.Nullable;

/**
 * A way of reaching a customer; each is also the consent category a customer grants or denies for it.
 *
 * <p>The WeChat channels reach a customer by the openid WeChat gave them in the brand's mini-program ({@code
 * wechat_openid}) or official account ({@code wechat_oa_openid}): each app has its own openid for the same person, so
 * the shop names which is which when it sends them (as {@code context.externalIds}).
 *
 * <p>App push reaches the device on which the customer last used the shop's app, by the registration id JPush gave the
 * app there ({@code jpush_registration_id}); the app sends it as {@code context.externalIds} or as the trait of that
 * name.
 */
public enum Channel {
    EMAIL("email", null),
    SMS("sms", null),
    /** Mini-program subscribe messages (订阅消息): one message per subscription the customer granted. */
    WECHAT_SUBSCRIBE("wechat_subscribe", "wechat_openid"),
    /** Official-account template messages (模板消息): service notices to followers, never marketing. */
    WECHAT_TEMPLATE("wechat_template", "wechat_oa_openid"),
    /** The in-app inbox: messages the shop's app lists and receives as they come. */
    INBOX("inbox", null),
    /** App push: a notification on the customer's phone through JPush (极光推送), which the shop's app opens. */
    PUSH("push", "jpush_registration_id"),
    /**
     * WeCom (企业微信) messages to external contacts: each message is a mass-message task (企业群发) that the staff
     * member who owns the relationship confirms in WeCom; sent means the task was created, and the outcome follows as
     * {@code WeCom Message Sent} or {@code WeCom Message Not Sent}.
     */
    WECOM("wecom", "wecom_external_userid");

    private final String category;
    private final @Nullable String identityType;

    Channel(String category, @Nullable String identityType) {
        this.category = category;
        this.identityType = identityType;
    }

    /** The channel's name in the API and the consent category that governs it. */
    @JsonValue
    public String category() {
        return category;
    }

    /** The identifier type that addresses a customer on this channel, for the platforms' own channels. */
    public @Nullable String identityType() {
        return identityType;
    }

    /**
     * Whether the customer's own act on the channel is their consent to it: a subscription granted in the
     * mini-program (each one good for one message), or opening the shop's app, whose inbox they read when they choose.
     * Such a channel needs no consent category granted for marketing, though a denial still stops it.
     */
    public boolean consentByUse() {
        return this == WECHAT_SUBSCRIBE || this == INBOX;
    }

    /**
     * Whether a message on the channel reaches the customer when it is sent (a mail, a text, a notification), so quiet
     * hours hold it; an inbox message waits until the customer opens the app.
     */
    public boolean interrupts() {
        return this != INBOX;
    }

    /**
     * Where the channel reaches a customer, in clear (for sending only): the e-mail address, the phone number, the
     * openid or registration id, or for the inbox the customer's own id.
     */
    public @Nullable String addressOf(@Nullable ContactPoints contact) {
        if (contact == null) {
            return null;
        }
        return switch (this) {
            case EMAIL -> contact.email();
            case SMS -> contact.phone();
            case WECHAT_SUBSCRIBE, WECHAT_TEMPLATE, PUSH, WECOM -> contact.platformId(identityType);
            case INBOX -> Long.toString(contact.customerId().value());
        };
    }

    /** The same address masked, for lists and logs. */
    public @Nullable String maskedAddressOf(@Nullable ContactPoints contact) {
        if (contact == null) {
            return null;
        }
        return switch (this) {
            case EMAIL -> contact.maskedEmail();
            case SMS -> contact.maskedPhone();
            case WECHAT_SUBSCRIBE, WECHAT_TEMPLATE, PUSH, WECOM -> maskId(contact.platformId(identityType));
            case INBOX -> "inbox";
        };
    }

    /** An address of this channel masked, for one typed by an operator (a test send). */
    public String mask(String address) {
        return switch (this) {
            case EMAIL -> PersonalData.maskEmail(address);
            case SMS -> PersonalData.maskPhone(address);
            case WECHAT_SUBSCRIBE, WECHAT_TEMPLATE, PUSH, WECOM -> maskId(address);
            case INBOX -> "inbox";
        };
    }

    private static @Nullable String maskId(@Nullable String id) {
        if (id == null) {
            return null;
        }
        return id.length() <= 8 ? "…" : id.substring(0, 4) + "…" + id.substring(id.length() - 4);
    }

    public static Channel parse(String field, String value) {
        return InputRules.oneOf(field, value, values(), Channel::category);
    }
}
