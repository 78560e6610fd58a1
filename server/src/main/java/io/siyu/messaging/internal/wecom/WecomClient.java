package io.siyu.messaging.internal.wecom;

import io.siyu.messaging.internal.delivery.ProviderCheck;
import io.siyu.messaging.internal.delivery.ProviderHttp;
import io.siyu.messaging.internal.providers.ProviderSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls WeCom's server API with an access token ({@code gettoken}, good for {@code expires_in} seconds, 7200 today).
 * The token is kept for its secret and fetched again a few minutes before it expires, since WeCom limits how often it
 * may be asked for; a call answered with an invalid or expired token (40014, 42001, 40001) fetches a new one and is
 * made once more. Never logs the secret or the token.
 */
@Component
public class WecomClient {

    /** The token answers that a new token mends. */
    static final Set<Integer> STALE_TOKEN = Set.of(40001, 40014, 42001);

    private static final Duration EARLY = Duration.ofMinutes(5);

    private final ProviderSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final ProviderHttp.Clients http = new ProviderHttp.Clients();
    private @Nullable Token token;

    WecomClient(ProviderSettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** A token and the credentials it was fetched with: a token of other credentials is not used. */
    private record Token(String credentials, String value, Instant refreshAt) {

        @Override
        public String toString() {
            return "Token[refreshAt=" + refreshAt + "]";
        }
    }

    /** WeCom answered with an error code other than 0. */
    public static final class Refused extends Exception {
        private final int code;

        Refused(int code, String message) {
            super(code + " " + message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** WeCom could not be reached, or answered with something other than its JSON. */
    public static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    /** Tries the credentials: fetches an access token, unless one fetched with them is kept. */
    public ProviderCheck check() {
        if (!settings.wecom().configured()) {
            return ProviderCheck.failed("no corp id or secret");
        }
        try {
            currentToken(false);
            return ProviderCheck.ok("WeCom gave an access token");
        } catch (Refused refused) {
            return ProviderCheck.failed("WeCom answered " + refused.getMessage());
        } catch (Unreachable down) {
            return ProviderCheck.failed("WeCom could not be reached: " + down.getMessage());
        }
    }

    /** POSTs {@code body} to an API path with the access token; answers WeCom's JSON when its errcode is 0. */
    public JsonNode post(String path, Object body) throws Refused, Unreachable {
        var first = currentToken(false);
        try {
            return postWith(path, body, first);
        } catch (Refused refused) {
            if (!STALE_TOKEN.contains(refused.code())) {
                throw refused;
            }
            return postWith(path, body, currentToken(true));
        }
    }

    private JsonNode postWith(String path, Object body, String accessToken) throws Refused, Unreachable {
        var request = HttpRequest.newBuilder(URI.create(base() + path + "?access_token=" + encode(accessToken)))
                .timeout(settings.wecom().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return answer(request, path);
    }

    private synchronized String currentToken(boolean stale) throws Refused, Unreachable {
        var wecom = settings.wecom();
        var secret = wecom.secret();
        var credentials = wecom.corpId() + "\n" + secret + "\n" + wecom.endpoint();
        var kept = token;
        if (!stale
                && kept != null
                && kept.credentials().equals(credentials)
                && clock.instant().isBefore(kept.refreshAt())) {
            return kept.value();
        }
        var request = HttpRequest.newBuilder(URI.create(base() + "/cgi-bin/gettoken?corpid=" + encode(wecom.corpId())
                        + "&corpsecret=" + encode(secret)))
                .timeout(wecom.timeout())
                .GET()
                .build();
        var answer = answer(request, "/cgi-bin/gettoken");
        var value = answer.path("access_token").asString("");
        if (value.isBlank()) {
            throw new Unreachable("WeCom answered gettoken without a token");
        }
        var lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(7200));
        var refreshAt = clock.instant()
                .plus(lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? lifetime.minus(EARLY) : lifetime.dividedBy(2));
        token = new Token(credentials, value, refreshAt);
        return value;
    }

    private JsonNode answer(HttpRequest request, String path) throws Refused, Unreachable {
        HttpResponse<String> response;
        try {
            response = http.of(settings.wecom().timeout())
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unreachable(path + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(path + ": interrupted");
        }
        if (response.statusCode() != 200) {
            throw new Unreachable(path + ": HTTP " + response.statusCode());
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            throw new Unreachable(path + ": not JSON");
        }
        var code = body.path("errcode").asInt(0);
        if (code != 0) {
            throw new Refused(code, body.path("errmsg").asString(""));
        }
        return body;
    }

    private String base() {
        var text = settings.wecom().endpoint().toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String encode(@Nullable String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
