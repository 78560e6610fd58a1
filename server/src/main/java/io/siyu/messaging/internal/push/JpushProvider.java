package io.siyu.messaging.internal.push;

import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.Delivery;
import io.siyu.messaging.internal.delivery.Outgoing;
import io.siyu.messaging.internal.delivery.Provider;
import io.siyu.messaging.internal.delivery.ProviderCheck;
import io.siyu.messaging.internal.delivery.ProviderHttp;
import io.siyu.messaging.internal.providers.ProviderSettings;
import io.siyu.messaging.internal.templates.TemplateRules;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * App push through JPush (极光推送) Push API v3 ({@code POST /v3/push}, HTTP Basic with the app key and master
 * secret). Each message is one request to the registration id of the customer's device, since every customer's title,
 * body and link are their own; JPush takes up to 1,000 registration ids per request, but only for the same content, and
 * its {@code cid} settles one request, which is what makes a retry safe for each ledger row. The cid comes from JPush's
 * pool ({@code GET /v3/push/cid}) and is kept per row ({@link PushCids}); JPush answers a repeated cid with the first
 * push's {@code msg_id} and pushes nothing again, so a push that timed out after JPush took it is not pushed twice.
 *
 * <p>Answers: a {@code msg_id} is the message sent; no such device (1011) or a notification too big for this customer
 * (1005) fails it for good; credentials or an app key JPush refuses (1004, 1008) and a request it calls invalid (1002,
 * 1003) park it for people; a rate limit (HTTP 429, 2002, 2008) defers it, and the rest of the batch, until
 * {@code X-Rate-Limit-Reset}; anything else (5xx, 1000, 1030, a timeout) is tried again.
 */
@Component
class JpushProvider implements Provider {

    private static final Logger LOG = LoggerFactory.getLogger(JpushProvider.class);

    /** The provider's name on the ledger. */
    static final String NAME = "jpush";

    /** A free app gets at most 10 cids per request to the pool. */
    private static final int CIDS_PER_REQUEST = 10;

    private static final Duration DEFAULT_RESET = Duration.ofMinutes(1);

    private final ProviderSettings settings;
    private final PushCids cids;
    private final JsonMapper json;
    private final ProviderHttp.Clients http = new ProviderHttp.Clients();

    JpushProvider(ProviderSettings settings, PushCids cids, JsonMapper json) {
        this.settings = settings;
        this.cids = cids;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured() {
        return settings.push().configured();
    }

    /**
     * Tries the credentials with the one signed call that sends nothing: one cid from JPush's pool ({@code GET
     * /v3/push/cid}), which JPush forgets unused after a day.
     */
    @Override
    public ProviderCheck check() {
        var answer = call(HttpRequest.newBuilder(uri("/v3/push/cid?count=1")).GET());
        if (answer.failure() != null) {
            return ProviderCheck.failed(answer.failure());
        }
        if (answer.status() == 200) {
            return ProviderCheck.ok("JPush answered with a cid");
        }
        var error = answer.body() == null ? null : answer.body().path("error");
        return ProviderCheck.failed("JPush answered HTTP " + answer.status()
                + (error == null || error.isMissingNode()
                        ? ""
                        : ", code " + error.path("code").asInt(0) + ": "
                                + error.path("message").asString("")));
    }

    @Override
    public List<Delivery> send(List<Outgoing> messages) {
        var results = new HashMap<Long, Delivery>();
        var rows = messages.stream().map(Outgoing::sendId).filter(id -> id > 0).toList();
        var cidOf = new HashMap<Long, String>();
        var cidFailure = cids(rows, cidOf);
        @Nullable Duration limited = null;
        for (var message : messages) {
            var sendId = message.sendId();
            var cid = cidOf.get(sendId);
            if (sendId > 0 && cid == null) {
                results.put(sendId, cidFailure == null ? Delivery.retry(sendId, "no cid") : cidFailure.outcome(sendId));
                continue;
            }
            var payload = payload(message, cid);
            var tooBig = tooBig(payload);
            if (tooBig != null) {
                results.put(sendId, Delivery.rejected(sendId, tooBig));
                continue;
            }
            if (limited != null) {
                results.put(sendId, Delivery.deferred(sendId, "JPush's rate limit is reached", limited));
                continue;
            }
            var answer = call(HttpRequest.newBuilder(uri("/v3/push"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))));
            var delivery = answer.outcome(sendId);
            if (delivery.status() == Delivery.Status.SENT) {
                LOG.debug("JPush took the push to {} as {}", message.maskedTo(), delivery.providerMessageId());
            }
            limited = delivery.status() == Delivery.Status.DEFERRED ? delivery.retryAfter() : answer.exhausted();
            results.put(sendId, delivery);
        }
        return messages.stream().map(m -> results.get(m.sendId())).toList();
    }

    /**
     * Finds or takes from JPush's pool the cid of every ledger row; answers the failed exchange if some could not be
     * taken, else null.
     */
    private @Nullable Answer cids(List<Long> rows, Map<Long, String> cidOf) {
        try {
            cidOf.putAll(cids.kept(rows));
            var missing = rows.stream().filter(id -> !cidOf.containsKey(id)).toList();
            for (int from = 0; from < missing.size(); from += CIDS_PER_REQUEST) {
                var chunk = missing.subList(from, Math.min(missing.size(), from + CIDS_PER_REQUEST));
                var answer = call(HttpRequest.newBuilder(uri("/v3/push/cid?count=" + chunk.size()))
                        .GET());
                var pool = answer.body() == null ? null : answer.body().path("cidlist");
                if (answer.status() != 200 || pool == null || pool.size() < chunk.size()) {
                    return answer.status() == 200 ? Answer.failure("JPush gave too few cids") : answer;
                }
                for (int i = 0; i < chunk.size(); i++) {
                    cids.keep(chunk.get(i), pool.get(i).asString());
                }
            }
            cidOf.putAll(cids.kept(missing));
            return null;
        } catch (DataAccessException e) {
            return Answer.failure("the cids could not be kept: " + e.getMostSpecificCause());
        }
    }

    /** The push of one message: to its registration id, the title, body and link for Android and iOS. */
    ObjectNode payload(Outgoing message, @Nullable String cid) {
        var rendered = message.rendered();
        var title = rendered.subject() == null ? "" : rendered.subject().strip();
        var body = rendered.text().strip();
        var push = json.createObjectNode();
        if (cid != null) {
            push.put("cid", cid);
        }
        push.put("platform", "all");
        push.putObject("audience").putArray("registration_id").add(message.to());
        var notification = push.putObject("notification");
        notification.put("alert", body);
        var android = notification.putObject("android");
        android.put("alert", body);
        if (!title.isEmpty()) {
            android.put("title", title);
        }
        var ios = notification.putObject("ios");
        if (title.isEmpty()) {
            ios.put("alert", body);
        } else {
            ios.putObject("alert").put("title", title).put("body", body);
        }
        ios.put("sound", "default");
        if (rendered.link() != null) {
            android.putObject("extras").put("url", rendered.link());
            ios.putObject("extras").put("url", rendered.link());
        }
        var options = push.putObject("options");
        if (message.sendId() > 0 && message.sendId() <= Integer.MAX_VALUE) {
            options.put("sendno", (int) message.sendId());
        }
        var current = settings.push();
        options.put("time_to_live", current.timeToLiveSeconds());
        options.put("apns_production", current.apnsProduction());
        return push;
    }

    /** Why JPush would refuse the payload as too big (code 1005), or null. */
    private @Nullable String tooBig(ObjectNode payload) {
        for (var platform : List.of("android", "ios")) {
            var part = "\"" + platform + "\":"
                    + json.writeValueAsString(payload.path("notification").path(platform));
            var bytes = part.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > TemplateRules.MAX_PUSH_BYTES) {
                return "the " + platform + " notification has " + bytes
                        + " bytes for this customer; JPush takes at most " + TemplateRules.MAX_PUSH_BYTES;
            }
        }
        return null;
    }

    private URI uri(String path) {
        var base = settings.push().endpoint().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** Sends one signed request to JPush (any of its APIs: the request names the address). */
    Answer call(HttpRequest.Builder request) {
        var push = settings.push();
        var credentials = push.appKey() + ":" + push.masterSecret();
        request.timeout(push.timeout())
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        HttpResponse<String> response;
        try {
            response = http.of(push.timeout()).send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Answer.failure("JPush could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failure("interrupted while pushing");
        }
        JsonNode body = null;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            // not JSON: judged by the status alone
        }
        var headers = response.headers();
        return new Answer(
                response.statusCode(),
                body,
                headers.firstValue("X-Rate-Limit-Remaining").orElse(null),
                headers.firstValue("X-Rate-Limit-Reset").orElse(null),
                null);
    }

    /** JPush's answer to one request, or the failure of the exchange itself. */
    record Answer(
            int status,
            @Nullable JsonNode body,
            @Nullable String remaining,
            @Nullable String reset,
            @Nullable String failure) {

        static Answer failure(String failure) {
            return new Answer(0, null, null, null, failure);
        }

        /** How long until JPush's window opens again when this answer used up its last call, else null. */
        @Nullable
        Duration exhausted() {
            return "0".equals(remaining == null ? null : remaining.strip()) ? resetIn() : null;
        }

        Duration resetIn() {
            try {
                var seconds = reset == null ? -1 : Long.parseLong(reset.strip());
                return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_RESET;
            } catch (NumberFormatException e) {
                return DEFAULT_RESET;
            }
        }

        Delivery outcome(long sendId) {
            if (failure != null) {
                return Delivery.retry(sendId, failure);
            }
            var error = body == null ? null : body.path("error");
            var code = error == null || error.isMissingNode()
                    ? 0
                    : error.path("code").asInt(0);
            var message = error == null ? "" : error.path("message").asString("");
            var detail = "JPush answered HTTP " + status + (code == 0 ? "" : ", code " + code + ": " + message);
            if (status == 200
                    && code == 0
                    && body != null
                    && !body.path("msg_id").asString("").isEmpty()) {
                return Delivery.sent(sendId, body.path("msg_id").asString());
            }
            if (status == 429 || code == 2002 || code == 2008) {
                return Delivery.deferred(sendId, detail, resetIn());
            }
            LOG.info("JPush refused a push: {}", detail);
            return switch (code) {
                case 1011, 1005 -> Delivery.rejected(sendId, detail);
                case 1002, 1003, 1004, 1008 -> Delivery.parked(sendId, detail);
                default -> status == 401 ? Delivery.parked(sendId, detail) : Delivery.retry(sendId, detail);
            };
        }
    }
}
