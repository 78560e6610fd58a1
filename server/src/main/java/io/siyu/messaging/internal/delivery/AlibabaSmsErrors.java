package io.siyu.messaging.internal.delivery;

import java.time.Duration;
import java.util.Set;

/**
 * What an answer code of Alibaba Cloud SMS means for a message. {@code OK} is sent. A rate limit is waited out and
 * never counted as a failure: the account's requests per second ({@code Throttling*}) for a few seconds, a number's
 * own limit ({@code isv.BUSINESS_LIMIT_CONTROL}, by default a few messages per minute, hour and day) for an hour. A
 * number that cannot get the message (illegal, on the provider's black list, a parameter too long for it) fails for
 * good, alone. A refusal people must fix (the template or signature is not approved, the credentials or their
 * permissions are refused, the account is out of credit or suspended) parks the message with the code, so nothing is
 * lost and the reason is visible. Anything else (the provider's own errors, an expired request date, a code not known
 * here) is tried again with back-off, and parked only after the last attempt.
 */
public final class AlibabaSmsErrors {

    /** How long a message waits when the account sent too many requests in a second. */
    public static final Duration THROTTLED_WAIT = Duration.ofSeconds(10);

    /** How long a message waits when its number reached the provider's limit per number. */
    public static final Duration NUMBER_LIMIT_WAIT = Duration.ofHours(1);

    private static final Set<String> NUMBER_LIMITS =
            Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.MONTH_LIMIT_CONTROL");

    private static final Set<String> FOR_GOOD = Set.of(
            "isv.MOBILE_NUMBER_ILLEGAL",
            "isv.BLACK_KEY_CONTROL_LIMIT",
            "isv.PARAM_LENGTH_LIMIT",
            "isv.PARAM_NOT_SUPPORT_URL",
            "isv.DOMESTIC_NUMBER_NOT_SUPPORTED",
            "isv.SMS_CONTENT_ILLEGAL");

    private static final Set<String> FOR_PEOPLE = Set.of(
            "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.SMS_SIGNATURE_ILLEGAL",
            "isv.SMS_SIGN_ILLEGAL",
            "isv.SIGN_NAME_ILLEGAL",
            "isv.TEMPLATE_MISSING_PARAMETERS",
            "isv.TEMPLATE_PARAMS_ILLEGAL",
            "isv.INVALID_PARAMETERS",
            "isv.INVALID_JSON_PARAM",
            "isv.AMOUNT_NOT_ENOUGH",
            "isv.OUT_OF_SERVICE",
            "isv.PRODUCT_UN_SUBSCRIPT",
            "isv.PRODUCT_UNSUBSCRIBE",
            "isv.ACCOUNT_NOT_EXISTS",
            "isv.ACCOUNT_ABNORMAL",
            "isv.SECURITY_FROZEN_ACCOUNT",
            "isv.DENY_IP_RANGE",
            "isv.EXTEND_CODE_ERROR",
            "isp.RAM_PERMISSION_DENY",
            "InvalidAccessKeyId.NotFound",
            "InvalidAccessKeyId.Inactive",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "Forbidden.RAM",
            "Forbidden.AccessKeyDisabled");

    private AlibabaSmsErrors() {}

    /** Whether the code concerns one number alone, so that a batch refused with it is worth sending number by number. */
    public static boolean concernsOneNumber(String code) {
        return NUMBER_LIMITS.contains(code) || FOR_GOOD.contains(code);
    }

    /** The delivery of one message the provider answered with this code (and message) for. */
    public static Delivery outcome(long sendId, String code, String message, String bizId) {
        var detail = code + ": " + message;
        if ("OK".equals(code)) {
            return Delivery.sent(sendId, bizId);
        }
        if (code.startsWith("Throttling")) {
            return Delivery.deferred(
                    sendId, "the provider's request rate was reached (" + detail + ")", THROTTLED_WAIT);
        }
        if (NUMBER_LIMITS.contains(code)) {
            return Delivery.deferred(
                    sendId, "the provider's limit for this number was reached (" + detail + ")", NUMBER_LIMIT_WAIT);
        }
        if (FOR_GOOD.contains(code)) {
            return Delivery.rejected(sendId, "the provider refused this number or message: " + detail);
        }
        if (FOR_PEOPLE.contains(code)) {
            return Delivery.parked(sendId, "the provider refused the request; fix and send again: " + detail);
        }
        return Delivery.retry(sendId, detail);
    }
}
