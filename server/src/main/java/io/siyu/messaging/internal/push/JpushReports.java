package io.siyu.messaging.internal.push;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * JPush's Report API v3, delivery statistics per push ({@code GET /v3/received/detail?msg_ids=…}, up to 100 msg_ids a
 * call, HTTP Basic with the app key and master secret, as every JPush API). Its answer is a JSON array with one object
 * per msg_id asked, counting the devices each push reached: through JPush's own connection ({@code jpush_received}),
 * an Android vendor's ({@code android_pns_received}), APNs shown on an iOS device ({@code ios_apns_received}), an iOS
 * in-app message ({@code ios_msg_received}), a quick app ({@code quickapp_jpush_received}) or HarmonyOS
 * ({@code hmos_hmpns_received}, {@code hmos_msg_received}); a count it has no data for is null. The {@code *_sent}
 * counts only say a vendor's service took the push, not that a device has it, so they are not a receipt.
 *
 * <p>Errors: 401 (code 3001) when the credentials are refused, 403 (2003) when the app may not use the API, 400 for
 * msg_ids JPush cannot read (3002), 429 (2002) past the rate limit, until {@code X-Rate-Limit-Reset} seconds; 5xx when
 * JPush has trouble.
 */
@Component
class JpushReports {

    /** The most msg_ids JPush takes in one call. */
    static final int MAX_MSG_IDS = 100;

    /** The counts that say a device received the push. */
    static final List<String> RECEIVED = List.of(
            "jpush_received",
            "android_pns_received",
            "ios_apns_received",
            "ios_msg_received",
            "quickapp_jpush_received",
            "hmos_hmpns_received",
            "hmos_msg_received");

    /** Calls left in JPush's window below which the poll stops, leaving them to sending. */
    static final int RESERVE = 10;

    private final JpushProvider jpush;
    private final PushReceiptSettings settings;

    JpushReports(JpushProvider jpush, PushReceiptSettings settings) {
        this.jpush = jpush;
        this.settings = settings;
    }

    boolean configured() {
        return jpush.configured();
    }

    /**
     * What JPush said about some pushes: the msg_ids a device received, or why it said nothing (then {@code refused}
     * tells credentials or a request JPush will not take, which waiting does not mend, from trouble that passes), and
     * how long to wait before asking again when its rate limit is reached or near.
     */
    record Report(
            Set<String> received,
            @Nullable String failure,
            boolean refused,
            @Nullable Duration waitFor) {

        boolean answered() {
            return failure == null;
        }
    }

    /** Asks JPush which of these pushes (at most {@link #MAX_MSG_IDS}) reached a device. */
    Report received(List<String> msgIds) {
        if (msgIds.isEmpty() || msgIds.size() > MAX_MSG_IDS) {
            throw new IllegalArgumentException("1 to " + MAX_MSG_IDS + " msg_ids a call, not " + msgIds.size());
        }
        var answer = jpush.call(HttpRequest.newBuilder(uri("/received/detail?msg_ids=" + String.join(",", msgIds)))
                .GET());
        if (answer.failure() != null) {
            return new Report(Set.of(), answer.failure(), false, null);
        }
        var body = answer.body();
        if (answer.status() == 200 && body != null && body.isArray()) {
            var received = new HashSet<String>();
            for (var report : body) {
                if (RECEIVED.stream().anyMatch(count -> report.path(count).asLong(0) > 0)) {
                    received.add(report.path("msg_id").asString(""));
                }
            }
            return new Report(received, null, false, nearLimit(answer));
        }
        var error = body == null ? null : body.path("error");
        var code =
                error == null || error.isMissingNode() ? 0 : error.path("code").asInt(0);
        var detail = "JPush's Report API answered HTTP " + answer.status()
                + (code == 0
                        ? ""
                        : ", code " + code + ": " + error.path("message").asString(""));
        if (answer.status() == 429 || code == 2002) {
            return new Report(Set.of(), detail, false, answer.resetIn());
        }
        var refused = answer.status() >= 400 && answer.status() < 500;
        return new Report(Set.of(), detail, refused, null);
    }

    /** How long until JPush's window opens again when this answer left fewer calls than the reserve, else null. */
    private static @Nullable Duration nearLimit(JpushProvider.Answer answer) {
        try {
            var remaining = answer.remaining() == null
                    ? Integer.MAX_VALUE
                    : Integer.parseInt(answer.remaining().strip());
            return remaining < RESERVE ? answer.resetIn() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private URI uri(String path) {
        var base = settings.endpoint().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
