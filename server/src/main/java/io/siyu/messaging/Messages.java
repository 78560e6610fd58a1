package io.siyu.messaging;

import io.siyu.customers.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The messaging module's entry point for other modules: queue messages to customers. */
public interface Messages {

    /**
     * One message to queue.
     *
     * @param reason the business reason, unique per message meant (e.g. journey version, node, customer and
     *     occurrence): a reason queued before is not queued again, however often it is asked
     * @param origin what asked for it, for people reading the ledger ({@code journey:12}, {@code api})
     * @param template the key of the template to render
     * @param variables values the template may use under {@code data}
     * @param notBefore the earliest time to send, or null for now
     */
    record SendRequest(
            String reason,
            String origin,
            CustomerId customerId,
            String template,
            Map<String, Object> variables,
            @Nullable Instant notBefore) {}

    /** A queued message: its ledger id, and whether this call queued it or found it queued by an earlier one. */
    record Queued(String reason, long sendId, boolean alreadyQueued) {}

    /**
     * Queues messages in the caller's transaction (they are sent once it commits) and answers for each request, in
     * order. Throws {@link io.siyu.shared.InvalidInputException} naming {@code template} when a template does not
     * exist or is archived.
     */
    List<Queued> enqueue(List<SendRequest> requests);

    /**
     * A template as a module ships it (a journey scene's messages): created when no template has its key, else left as
     * operators may have changed it.
     */
    record TemplateSpec(
            String key,
            String name,
            Channel channel,
            Purpose purpose,
            String subject,
            @Nullable String html,
            String text) {}

    /** Creates the template unless one with its key exists; answers whether it created it. */
    boolean ensureTemplate(TemplateSpec spec, String by);

    /**
     * A message as one customer would get it now, rendered and not sent: for SMS, the approved template's code and the
     * parameters the provider is asked to fill.
     */
    record RenderedMessage(
            String template,
            Channel channel,
            String subject,
            @Nullable String html,
            String text,
            @Nullable String smsTemplateCode,
            @Nullable Map<String, String> smsParameters) {}

    /**
     * Renders the current version of a template for a customer, with {@code variables} under {@code data}, as the
     * dispatcher would, sending and writing nothing; empty when no template that is not archived has the key.
     */
    java.util.Optional<RenderedMessage> preview(String template, CustomerId customerId, Map<String, Object> variables);

    /** Whether a template of this key exists and is not archived, so that messages can name it. */
    boolean hasTemplate(String key);

    /**
     * What became of a group of messages.
     *
     * @param group the first parts of their reasons, as {@link #figures} grouped them
     * @param sent accepted by the channel's provider (bounced later or not)
     * @param delivered a receipt said so; for e-mail, which has no receipts, sent and not bounced
     * @param opened opened at least once (the e-mail's pixel loaded)
     * @param clicked a link followed at least once
     * @param converted messages an order was attributed to (the last message its customer clicked or opened within the
     *     attribution window)
     * @param revenue what the attributed orders brought
     */
    record Figures(
            String group,
            long sent,
            long delivered,
            long opened,
            long clicked,
            long converted,
            java.math.BigDecimal revenue) {}

    /**
     * The figures of the messages queued under {@code origin}, grouped by the first {@code parts} colon-separated parts
     * of their reasons: a journey's reasons ({@code journey:<id>:v<version>:<node>:<customer>:...}) grouped by 4
     * parts give one group per version and node. Groups without any message sent are left out.
     */
    List<Figures> figures(String origin, int parts);

    /** The template's channel, if a template of this key exists and is not archived. */
    java.util.Optional<Channel> channelOf(String key);

    /** On the customer's timeline: the staff member sent a WeCom message (its task confirmed). */
    String WECOM_SENT = "WeCom Message Sent";

    /**
     * On the customer's timeline: WeCom did not send a message (property {@code reason}). Both outcome events name the
     * message by {@code send_reason}, the business reason it was queued for.
     */
    String WECOM_NOT_SENT = "WeCom Message Not Sent";

    /**
     * Cancels the WeCom message queued for {@code reason}: withdrawn while no dispatcher has taken it, else its task
     * cancelled while its staff member has not sent it and recorded as not sent ({@code cancelled}); nothing when it has
     * an outcome already. Within a transaction, WeCom is asked after it commits.
     */
    void cancelWecom(String reason);
}
