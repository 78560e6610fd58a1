package io.siyu.messaging.internal.tracking;

import io.siyu.customers.ContactPoints;
import io.siyu.ingest.Ingestion;
import io.siyu.messaging.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records what happened to messages as events of the Segment e-mail specification ({@code Email Sent},
 * {@code Email Opened}, {@code Email Link Clicked}, {@code Unsubscribed}), their SMS counterparts ({@code SMS Sent},
 * {@code SMS Delivered}, {@code SMS Delivery Failed}) and the orders attributed to them ({@code Order Attributed}), on
 * the customer's timeline, through ingestion like any other event, so segments can use them. Each event's message id is
 * derived from the ledger row (and the link, or the order), so recording it again after a retry or a crash changes
 * nothing.
 */
@Component
public class TrackingEvents {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingEvents.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static final String SENT = "Email Sent";
    public static final String OPENED = "Email Opened";
    public static final String CLICKED = "Email Link Clicked";
    public static final String UNSUBSCRIBED = "Unsubscribed";
    public static final String SMS_SENT = "SMS Sent";
    public static final String SMS_DELIVERED = "SMS Delivered";
    public static final String SMS_FAILED = "SMS Delivery Failed";
    public static final String PUSH_SENT = "Push Notification Sent";

    public static final String ORDER_ATTRIBUTED = "Order Attributed";
    /** A WeCom mass-message task was created; the staff member who owns the relationship has yet to confirm it. */
    public static final String WECOM_TASK_CREATED = "WeCom Message Task Created";
    /** The staff member sent a WeCom message to the customer. */
    public static final String WECOM_SENT = io.siyu.messaging.Messages.WECOM_SENT;
    /** A WeCom message did not reach the customer: not a friend, their monthly limit, cancelled or never confirmed. */
    public static final String WECOM_NOT_SENT = io.siyu.messaging.Messages.WECOM_NOT_SENT;

    private final Ingestion ingestion;

    /** The event that says a channel's provider accepted a message. */
    public static String sent(Channel channel) {
        return switch (channel) {
            case EMAIL -> SENT;
            case SMS -> SMS_SENT;
            case WECHAT_SUBSCRIBE -> "WeChat Subscribe Message Sent";
            case WECHAT_TEMPLATE -> "WeChat Template Message Sent";
            case INBOX -> "Inbox Message Sent";
            case PUSH -> PUSH_SENT;
            case WECOM -> WECOM_TASK_CREATED;
        };
    }

    /** The event that says a channel's provider reported a message delivered. */
    public static String delivered(Channel channel) {
        return switch (channel) {
            case EMAIL -> "Email Delivered";
            case SMS -> SMS_DELIVERED;
            case WECHAT_SUBSCRIBE -> "WeChat Subscribe Message Delivered";
            case WECHAT_TEMPLATE -> "WeChat Template Message Delivered";
            case INBOX -> "Inbox Message Delivered";
            case PUSH -> "Push Notification Delivered";
            case WECOM -> WECOM_SENT;
        };
    }

    /** The event that says a channel's provider reported a message it had accepted as not delivered. */
    public static String deliveryFailed(Channel channel) {
        return switch (channel) {
            case EMAIL -> "Email Bounced";
            case SMS -> SMS_FAILED;
            case WECHAT_SUBSCRIBE -> "WeChat Subscribe Message Delivery Failed";
            case WECHAT_TEMPLATE -> "WeChat Template Message Delivery Failed";
            case INBOX -> "Inbox Message Delivery Failed";
            case PUSH -> "Push Notification Delivery Failed";
            case WECOM -> WECOM_NOT_SENT;
        };
    }

    /** The event that says the customer opened (read) a message of a channel. */
    public static String opened(Channel channel) {
        return channel == Channel.INBOX ? "Inbox Message Opened" : OPENED;
    }

    /** The event that says the customer followed a message's link. */
    public static String clicked(Channel channel) {
        return switch (channel) {
            case INBOX -> "Inbox Message Clicked";
            case PUSH -> "Push Notification Tapped";
            case WECHAT_SUBSCRIBE, WECHAT_TEMPLATE -> "WeChat Message Clicked";
            default -> CLICKED;
        };
    }

    TrackingEvents(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    /** One event to record: about which customer and ledger row, what, when, with which properties. */
    public record Event(
            String messageId,
            ContactPoints.Identifier customer,
            String name,
            Instant at,
            Map<String, Object> properties,
            @Nullable Map<String, Boolean> consent) {}

    /** Hands the events to ingestion; they are acknowledged (stored) when this returns. */
    public void record(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        var report =
                ingestion.accept(events.stream().map(TrackingEvents::message).toList());
        if (report.rejected() > 0) {
            LOG.warn("{} tracking events were refused: {}", report.rejected(), report.violations());
        }
    }

    private static ObjectNode message(Event event) {
        var message = NODES.objectNode();
        message.put("type", "track");
        message.put("messageId", event.messageId());
        message.put("event", event.name());
        message.put("timestamp", event.at().toString());
        var context = message.putObject("context");
        context.putObject("library").put("name", "siyu-messaging");
        event.customer().address(message);
        var properties = message.putObject("properties");
        event.properties().forEach((name, value) -> {
            switch (value) {
                case Long number -> properties.put(name, number);
                case Integer number -> properties.put(name, number);
                case Boolean flag -> properties.put(name, flag);
                case java.math.BigDecimal amount -> properties.put(name, amount);
                case null -> properties.putNull(name);
                default -> properties.put(name, value.toString());
            }
        });
        if (event.consent() != null) {
            var preferences = context.putObject("consent").putObject("categoryPreferences");
            event.consent().forEach(preferences::put);
        }
        return message;
    }
}
