package io.siyu.messaging.internal.wechat;

import io.siyu.messaging.internal.delivery.ProviderCheck;
import io.siyu.messaging.internal.delivery.ProviderHttp;
import io.siyu.messaging.internal.providers.ProviderSettings;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls WeChat's server API as one of the brand's apps, with the app's access token. Tokens come from
 * {@code getStableAccessToken} ({@code POST /cgi-bin/stable_token}) in its normal mode, and are kept until shortly
 * before they expire (WeChat hands out the next one in the last five minutes); one fetch runs at a time per app, and
 * the callers waiting for it take its token. When WeChat refuses a token (40001, 42001, 40014: another server forced a
 * new one, or it expired early), it is fetched again once in the forced mode, which WeChat allows 20 times a day, and
 * the call is made once more; a token refused that was already replaced is not forced again. Neither a token nor a
 * secret is ever logged: the token travels in the query, so addresses are not logged either.
 */
@Component
public class WechatApi {

    private static final Logger LOG = LoggerFactory.getLogger(WechatApi.class);

    /** The answers that mean the access token is not (or no longer) good. */
    static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 42001, 40014);

    /** The most time before a token's expiry at which a new one is fetched. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final ProviderSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final ProviderHttp.Clients http = new ProviderHttp.Clients();
    private final Map<String, AppTokens> tokens = new ConcurrentHashMap<>();

    WechatApi(ProviderSettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * WeChat's answer to a call: its {@code errcode} (0 for success) and {@code errmsg} with the whole body, or a
     * failure of the exchange itself ({@code failure}, the call may be made again).
     *
     * @param tokenAnswer whether the answer is the token endpoint's, refusing the app's credentials
     */
    public record Answer(
            int errcode,
            String errmsg,
            @Nullable JsonNode body,
            @Nullable String failure,
            boolean tokenAnswer) {

        static Answer failed(String failure) {
            return new Answer(0, "", null, failure, false);
        }

        public boolean ok() {
            return failure == null && errcode == 0;
        }
    }

    /** Posts {@code body} as JSON to {@code path} of the API as {@code app}, with its access token. */
    public Answer post(WechatProperties.App app, String path, ObjectNode body) {
        var token = token(app, null);
        if (token.answer() != null) {
            return token.answer();
        }
        var answer = call(app, path + "?access_token=" + token.value(), body);
        if (answer.failure() == null && TOKEN_REFUSED.contains(answer.errcode())) {
            LOG.info(
                    "WeChat refused the access token of app {} ({}); fetching a new one",
                    app.appId(),
                    answer.errcode());
            var renewed = token(app, token.value());
            if (renewed.answer() != null) {
                return renewed.answer();
            }
            answer = call(app, path + "?access_token=" + renewed.value(), body);
        }
        return answer;
    }

    /** Tries the app's credentials: fetches its access token, unless one fetched with them is kept. */
    public ProviderCheck check(WechatProperties.App app) {
        if (!app.configured()) {
            return ProviderCheck.failed("no AppID or AppSecret");
        }
        var token = token(app, null);
        if (token.answer() == null) {
            return ProviderCheck.ok("WeChat gave an access token");
        }
        var answer = token.answer();
        return ProviderCheck.failed(
                answer.failure() != null
                        ? answer.failure()
                        : "WeChat answered " + answer.errcode() + " " + answer.errmsg());
    }

    /** An access token, or the answer that refused one. */
    private record Token(@Nullable String value, @Nullable Answer answer) {}

    /** An app's current token and the lock under which it is fetched. */
    private static final class AppTokens {
        final ReentrantLock lock = new ReentrantLock();
        /** The secret and API address the token was fetched with: a token of other credentials is not used. */
        volatile @Nullable String credentials;

        volatile @Nullable String value;
        volatile Instant renewAt = Instant.MIN;
    }

    /**
     * The app's token: the kept one while it is good, else a fetched one. With {@code refused}, the token WeChat just
     * refused: unless another caller replaced it meanwhile, a new one is forced.
     */
    private Token token(WechatProperties.App app, @Nullable String refused) {
        var kept = tokens.computeIfAbsent(app.appId(), id -> new AppTokens());
        var credentials = app.appSecret() + "\n" + settings.wechatApi(app).endpoint();
        var value = kept.value;
        if (refused == null
                && value != null
                && credentials.equals(kept.credentials)
                && clock.instant().isBefore(kept.renewAt)) {
            return new Token(value, null);
        }
        kept.lock.lock();
        try {
            if (!credentials.equals(kept.credentials)) {
                kept.value = null;
                kept.credentials = credentials;
            }
            value = kept.value;
            if (value != null
                    && clock.instant().isBefore(kept.renewAt)
                    && (refused == null || !refused.equals(value))) {
                return new Token(value, null);
            }
            var request = json.createObjectNode()
                    .put("grant_type", "client_credential")
                    .put("appid", app.appId())
                    .put("secret", app.appSecret())
                    .put("force_refresh", refused != null);
            var answer = call(app, "/cgi-bin/stable_token", request);
            var accessToken = answer.body() == null
                    ? ""
                    : answer.body().path("access_token").asString("");
            if (answer.failure() != null || answer.errcode() != 0 || accessToken.isEmpty()) {
                kept.value = null;
                if (answer.failure() == null && answer.errcode() == 0) {
                    return new Token(null, Answer.failed("WeChat answered no access token"));
                }
                LOG.warn(
                        "WeChat gave app {} no access token: {}",
                        app.appId(),
                        answer.failure() != null ? answer.failure() : answer.errcode() + " " + answer.errmsg());
                return new Token(
                        null, new Answer(answer.errcode(), answer.errmsg(), answer.body(), answer.failure(), true));
            }
            var expiresIn = Duration.ofSeconds(
                    Math.max(1, answer.body().path("expires_in").asLong(7200)));
            var margin = expiresIn.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? expiresIn.dividedBy(2) : RENEW_BEFORE;
            kept.value = accessToken;
            kept.renewAt = clock.instant().plus(expiresIn).minus(margin);
            return new Token(accessToken, null);
        } finally {
            kept.lock.unlock();
        }
    }

    private Answer call(WechatProperties.App app, String pathAndQuery, ObjectNode body) {
        var api = settings.wechatApi(app);
        var request = HttpRequest.newBuilder(api.endpoint().resolve(pathAndQuery))
                .timeout(api.timeout())
                .header("content-type", "application/json; charset=utf-8")
                .header("accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.of(api.timeout()).send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Answer.failed("WeChat could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted while calling WeChat");
        }
        if (response.statusCode() / 100 != 2) {
            return Answer.failed("WeChat answered HTTP " + response.statusCode());
        }
        try {
            var answer = json.readTree(response.body());
            if (!answer.isObject()) {
                return Answer.failed("WeChat answered something other than a JSON object");
            }
            return new Answer(
                    answer.path("errcode").asInt(0), answer.path("errmsg").asString(""), answer, null, false);
        } catch (JacksonException e) {
            return Answer.failed("WeChat answered something other than JSON");
        }
    }
}
