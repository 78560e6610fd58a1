package io.siyu.messaging.internal.tracking;

import static io.siyu.messaging.internal.tracking.WechatPushProtocol.child;
import static io.siyu.messaging.internal.tracking.WechatPushProtocol.children;
import static io.siyu.messaging.internal.tracking.WechatPushProtocol.text;

import io.siyu.access.PersonalDataRequired;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.providers.ProviderForm;
import io.siyu.messaging.internal.wechat.SubscriptionGrants;
import io.siyu.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Element;

/**
 * The events WeChat pushes to the brand's apps (消息推送) that concern Siyu's messages, each handled once however often
 * WeChat pushes it (it tries three times when an answer is late):
 *
 * <ul>
 *   <li>The official account's {@code TEMPLATESENDJOBFINISH}: the template message sent with that {@code MsgID} to
 *       that openid was delivered ({@code success}) or not ({@code failed:user block}, {@code failed: system
 *       failed}).
 *   <li>The mini-program's {@code subscribe_msg_sent_event}: per message, delivered ({@code ErrorCode} 0) or not.
 *   <li>The mini-program's {@code subscribe_msg_popup_event}: the customer's decisions in a subscription pop-up, each
 *       accept granting one subscribe message (see {@link SubscriptionGrants}); and {@code subscribe_msg_change_event}:
 *       a template the customer turned off in WeChat's settings, whose subscriptions are withdrawn.
 * </ul>
 *
 * Every other push (a follower's message, a menu click) is not Siyu's and is ignored.
 */
@Component
public class WechatPushes {

    private static final Logger LOG = LoggerFactory.getLogger(WechatPushes.class);
    private static final Pattern TEMPLATE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern MSG_ID = Pattern.compile("[0-9]{1,32}");
    private static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern CREATE_TIME = Pattern.compile("[0-9]{1,12}");
    private static final Pattern ERROR_CODE = Pattern.compile("-?[0-9]{1,10}");
    private static final Pattern STATUS = Pattern.compile("[a-z_]{1,32}");
    private static final String SUBSCRIBE = "wechat-subscribe";

    private final DeliveryReceipts receipts;
    private final EarlyReceipts early;
    private final SubscriptionGrants grants;
    private final Profiles profiles;
    private final ProviderCallbacks callbacks;

    WechatPushes(
            DeliveryReceipts receipts,
            EarlyReceipts early,
            SubscriptionGrants grants,
            Profiles profiles,
            ProviderCallbacks callbacks) {
        this.receipts = receipts;
        this.early = early;
        this.grants = grants;
        this.profiles = profiles;
        this.callbacks = callbacks;
    }

    /**
     * Handles one push to the app that sends the channel's messages. A delivery report that names a message Siyu has not
     * settled yet (WeChat can report before the dispatcher wrote down the message id) is kept and applied once the
     * message is settled ({@link EarlyReceipts}). A push missing what its event needs is refused, changing nothing.
     */
    @Transactional
    public void handle(Channel app, Element push) {
        var event = text(push, "Event");
        if (!"event".equals(text(push, "MsgType")) || event == null) {
            return;
        }
        switch (app) {
            case WECHAT_TEMPLATE -> {
                if (event.equals("TEMPLATESENDJOBFINISH")) {
                    templateFinished(push);
                }
            }
            case WECHAT_SUBSCRIBE -> {
                switch (event) {
                    case "subscribe_msg_sent_event" -> subscribeSent(push);
                    case "subscribe_msg_popup_event" -> popup(push);
                    case "subscribe_msg_change_event" -> changed(push);
                    default -> {}
                }
            }
            default -> {}
        }
    }

    /** Settles the messages a report names, or keeps the report until its message is settled. */
    private void report(
            Channel channel,
            String msgid,
            String openid,
            @Nullable String failure,
            Map<String, Object> failureProperties) {
        var provider = provider(channel);
        var rows = receipts.sent(provider, msgid, openid);
        if (rows.isEmpty()) {
            LOG.info("WeChat reported message {} before Siyu settled it as sent; kept until it is", msgid);
            early.keep(provider, msgid, receipts.keyOf(openid), failure, failureProperties);
        } else {
            receipts.settle(rows, failure, failureProperties);
        }
    }

    private void templateFinished(Element push) {
        var openid = required(push, "FromUserName", OPENID);
        var msgid = required(push, "MsgID", MSG_ID);
        var status = cut(required(push, "Status", null));
        if (status.equals("success")) {
            report(Channel.WECHAT_TEMPLATE, msgid, openid, null, Map.of());
        } else {
            report(Channel.WECHAT_TEMPLATE, msgid, openid, "WeChat " + status, Map.of("status", status));
        }
    }

    private void subscribeSent(Element push) {
        var openid = required(push, "FromUserName", OPENID);
        var reports = new ArrayList<String[]>();
        for (var item : items(push, "SubscribeMsgSentEvent")) {
            reports.add(new String[] {
                required(item, "MsgID", MSG_ID),
                required(item, "ErrorCode", ERROR_CODE),
                Optional.ofNullable(text(item, "ErrorStatus")).orElse("")
            });
        }
        for (var report : reports) {
            if (report[1].equals("0")) {
                report(Channel.WECHAT_SUBSCRIBE, report[0], openid, null, Map.of());
            } else {
                report(
                        Channel.WECHAT_SUBSCRIBE,
                        report[0],
                        openid,
                        "WeChat " + report[1] + " " + cut(report[2]),
                        Map.of("error_code", report[1], "error_status", cut(report[2])));
            }
        }
    }

    private void popup(Element push) {
        var decisions = new LinkedHashMap<String, String>();
        decisions(push, "SubscribeMsgPopupEvent").forEach((templateId, decision) -> {
            if (decision.equals("accept") || decision.equals("reject")) {
                decisions.put(templateId, decision);
            }
        });
        customer(push).ifPresent(customer -> {
            var fresh = new LinkedHashMap<String, String>();
            decisions.forEach((templateId, decision) -> {
                if (callbacks.firstTime(SUBSCRIBE, "popup", key(push, templateId))) {
                    fresh.put(templateId, decision);
                }
            });
            grants.pushed(customer, fresh);
        });
    }

    private void changed(Element push) {
        var withdrawn = new ArrayList<String>();
        decisions(push, "SubscribeMsgChangeEvent").forEach((templateId, decision) -> {
            // turning a template back on grants nothing: the next accept in a pop-up does
            if (decision.equals("reject")) {
                withdrawn.add(templateId);
            }
        });
        customer(push)
                .ifPresent(customer -> grants.withdraw(
                        customer,
                        withdrawn.stream()
                                .filter(templateId -> callbacks.firstTime(SUBSCRIBE, "change", key(push, templateId)))
                                .toList()));
    }

    /** The decisions of a subscription event, per template id; refused when one is not of WeChat's form. */
    private static Map<String, String> decisions(Element push, String event) {
        required(push, "FromUserName", OPENID);
        required(push, "CreateTime", CREATE_TIME);
        var decisions = new LinkedHashMap<String, String>();
        for (var item : items(push, event)) {
            decisions.put(required(item, "TemplateId", TEMPLATE_ID), required(item, "SubscribeStatusString", STATUS));
        }
        return decisions;
    }

    /** The items of an event: its element's {@code List} children (one or more). */
    private static List<Element> items(Element push, String event) {
        var items = children(child(push, event), "List");
        if (items.isEmpty()) {
            throw new InvalidInputException(event, "required", "must hold at least one List, as WeChat pushes it");
        }
        if (items.size() > 100) {
            throw new InvalidInputException(event, "max-size", "must hold at most 100 Lists");
        }
        return items;
    }

    /** Which push an item of a subscription event was: the customer, when, and the template. */
    private static String key(Element push, String templateId) {
        return text(push, "FromUserName") + "|" + text(push, "CreateTime") + "|" + templateId;
    }

    /** The live customer the push is from, by their openid in the mini-program; empty while Siyu has not met them. */
    private Optional<CustomerId> customer(Element push) {
        var openid = text(push, "FromUserName");
        Optional<CustomerId> found;
        try {
            found = profiles.find(Channel.WECHAT_SUBSCRIBE.identityType() + ":" + openid)
                    .flatMap(profiles::live);
        } catch (InvalidInputException | PersonalDataRequired e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            LOG.info("WeChat pushed a subscription decision of a customer Siyu has not met; it is ignored");
        }
        return found;
    }

    private static String provider(Channel channel) {
        return ProviderForm.of(channel).orElseThrow().provider();
    }

    private static String required(Element element, String name, @org.jspecify.annotations.Nullable Pattern form) {
        var value = text(element, name);
        if (value == null) {
            throw new InvalidInputException(name, "required", "must be given, as WeChat pushes it");
        }
        if (value.length() > 1_000 || (form != null && !form.matcher(value).matches())) {
            throw new InvalidInputException(name, "wechat-format", "is not of the form WeChat pushes");
        }
        return value;
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
