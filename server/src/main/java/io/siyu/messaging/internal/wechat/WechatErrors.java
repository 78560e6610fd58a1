package io.siyu.messaging.internal.wechat;

import io.siyu.messaging.internal.delivery.Delivery;
import io.siyu.messaging.internal.delivery.Outgoing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What WeChat's answer to a message means for it. {@code 0} is sent.
 *
 * <ul>
 *   <li>Refused for good, for this customer alone: the openid is not one of this app's ({@code 40003}); the customer
 *       has no subscription to the template left, or turned its messages off ({@code 43101}); the customer does not
 *       follow the official account ({@code 43004}); a value WeChat finds invalid ({@code 47003}: the template's fixed
 *       parts were checked when it was saved, so what is left is this customer's values, a length or form WeChat
 *       refuses, and sending again would only be refused again).
 *   <li>Parked, because people must fix something before any message of the template can go, and nothing is lost
 *       meanwhile: a template id the app does not have ({@code 40037}, the template was deleted in the back office or
 *       belongs to another app), a page the released mini-program does not have ({@code 41030}), credentials WeChat
 *       refuses ({@code 40013}, {@code 40125}, {@code 40164}: not the app, a wrong secret, a server address not on the
 *       app's IP whitelist), an API the account may not use ({@code 48001}).
 *   <li>Deferred, without counting as a failed attempt: the app's quota of calls was reached ({@code 45009} for the
 *       day, waited out for an hour; {@code 45011} for the minute).
 *   <li>Tried again with back-off: WeChat busy ({@code -1}), a token refused even after a new one, a 5xx answer, a
 *       timeout, and any code not known here.
 * </ul>
 */
final class WechatErrors {

    /** How long a message waits when the app reached its daily quota of calls. */
    static final Duration DAILY_QUOTA_WAIT = Duration.ofHours(1);

    /** How long a message waits when the app reached its quota of calls for the minute. */
    static final Duration MINUTE_QUOTA_WAIT = Duration.ofMinutes(1);

    private static final Set<Integer> FOR_PEOPLE = Set.of(40037, 41030, 40013, 40125, 40164, 48001);

    private WechatErrors() {}

    /** Sends each message on its own; one that fails unexpectedly is tried again, and never hides the others. */
    static List<Delivery> each(List<Outgoing> messages, Function<Outgoing, Delivery> send) {
        var deliveries = new ArrayList<Delivery>();
        for (var message : messages) {
            try {
                deliveries.add(send.apply(message));
            } catch (RuntimeException e) {
                deliveries.add(Delivery.retry(
                        message.sendId(), "could not send: " + e.getClass().getSimpleName()));
            }
        }
        return deliveries;
    }

    static Delivery outcome(long sendId, WechatApi.Answer answer) {
        if (answer.failure() != null) {
            return Delivery.retry(sendId, answer.failure());
        }
        var code = answer.errcode();
        var detail = "WeChat " + code + ": " + answer.errmsg();
        if (code == 0) {
            var msgid = answer.body() == null ? "" : answer.body().path("msgid").asString("");
            return Delivery.sent(sendId, msgid.isEmpty() ? null : msgid);
        }
        if (answer.tokenAnswer()) {
            return FOR_PEOPLE.contains(code) || code == 41004
                    ? Delivery.parked(sendId, "WeChat refused the app's credentials; fix and send again: " + detail)
                    : code == 45009 || code == 45011
                            ? Delivery.deferred(
                                    sendId,
                                    "WeChat's quota of tokens was reached (" + detail + ")",
                                    code == 45009 ? DAILY_QUOTA_WAIT : MINUTE_QUOTA_WAIT)
                            : Delivery.retry(sendId, "no access token: " + detail);
        }
        return switch (code) {
            case 40003 -> Delivery.rejected(sendId, "the openid is not one of this app's: " + detail);
            case 43101 ->
                Delivery.rejected(
                        sendId,
                        SubscriptionGrants.NO_SUBSCRIPTION + ": the customer has no subscription left: " + detail);
            case 43004 -> Delivery.rejected(sendId, "the customer does not follow the official account: " + detail);
            case 47003 -> Delivery.rejected(sendId, "WeChat refused a value of this message: " + detail);
            case 45009 ->
                Delivery.deferred(
                        sendId, "the app's daily quota of messages was reached (" + detail + ")", DAILY_QUOTA_WAIT);
            case 45011 ->
                Delivery.deferred(
                        sendId, "the app's quota for the minute was reached (" + detail + ")", MINUTE_QUOTA_WAIT);
            case -1 -> Delivery.retry(sendId, "WeChat is busy: " + detail);
            default ->
                FOR_PEOPLE.contains(code)
                        ? Delivery.parked(sendId, "WeChat refused the request; fix and send again: " + detail)
                        : Delivery.retry(sendId, detail);
        };
    }
}
