package io.siyu.access.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.TestCredentials;
import io.siyu.access.Permission;
import io.siyu.access.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every HTTP endpoint the application exposes and proves that each refuses anonymous callers and callers whose
 * role lacks the permission it names, unless it is deliberately public.
 */
@SiyuIntegrationTest
class EndpointSecurityTests {

    /** Endpoints that are public by design, each with the reason. */
    static final Map<String, String> PUBLIC = Map.ofEntries(
            Map.entry("GET /api/v1/session", "tells the console whether anyone is signed in"),
            Map.entry("POST /api/v1/session", "signing in"),
            Map.entry("DELETE /api/v1/session", "signing out is harmless without a session"),
            Map.entry("GET /v3/api-docs", "the OpenAPI description of a public, documented API"),
            Map.entry("GET /v3/api-docs.yaml", "the OpenAPI description"),
            Map.entry("GET /v3/api-docs/swagger-config", "the API browser's configuration"),
            Map.entry("GET /swagger-ui.html", "the API browser"),
            Map.entry("GET /error", "renders errors of other requests; holds nothing"),
            Map.entry("GET /t/o/{token}", "a message's open pixel, loaded by mail clients; signed per message"),
            Map.entry("GET /t/c/{token}", "a message's click redirect; only to the address signed for the message"),
            Map.entry("GET /t/u/{token}", "a message's unsubscribe page; signed per message, changes nothing"),
            Map.entry(
                    "POST /t/u/{token}",
                    "one-click unsubscribe (RFC 8058), sent by mail clients without credentials; signed per message"),
            Map.entry(
                    "POST /t/sms/{token}/receipts",
                    "SMS delivery receipts pushed by the provider, which signs nothing; the path's secret token"),
            Map.entry(
                    "POST /t/sms/{token}/replies",
                    "customers' SMS replies pushed by the provider, which signs nothing; the path's secret token"),
            Map.entry(
                    "GET /t/wechat/{token}/push",
                    "WeChat's check of an app's push address; the path's token, and WeChat's signature with it"),
            Map.entry(
                    "POST /t/wechat/{token}/push",
                    "WeChat's pushes of an app's events; the path's token, and WeChat's signature with it"));

    /** Ingestion endpoints authenticate with write keys, not roles. */
    static final Pattern WRITE_KEY_PATHS = Pattern.compile("^/(v1|ingest)/.*");

    /** Consumer endpoints authenticate with the tokens the shop signs for its customers, not roles. */
    static final Pattern CONSUMER_PATHS = Pattern.compile("^/consumer/.*");

    static final Pattern PERMISSION = Pattern.compile("hasAuthority\\('([^']+)'\\)");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String path, HandlerMethod handler) {
        String key() {
            return method + " " + path;
        }
    }

    List<Endpoint> endpoints() {
        var endpoints = new ArrayList<Endpoint>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                    : info.getMethodsCondition().getMethods();
            for (var pattern : info.getPatternValues()) {
                for (var method : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern, handler));
                }
            }
        });
        return endpoints;
    }

    static String concrete(String pattern) {
        var path = pattern.replaceAll("\\{endpoint:[^}]*}", "track")
                .replace("{kind}", "customers")
                .replaceAll("\\{[a-zA-Z]*[iI]d}", "1")
                .replaceAll("\\{[^}]*}", "x");
        return path;
    }

    @Test
    void everyEndpointRefusesAnonymousCallers() {
        var anonymous = HttpFixtures.anonymous(port);
        var checked = 0;
        for (var endpoint : endpoints()) {
            if (PUBLIC.containsKey(endpoint.key())) {
                continue;
            }
            var response = anonymous.send(endpoint.method(), concrete(endpoint.path()), "{}", "application/json");
            assertThat(response.status())
                    .as("%s must refuse anonymous callers, answered %s", endpoint.key(), response)
                    .isIn(401, 403);
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void everyOperatorEndpointNamesThePermissionItNeeds() {
        var missing = endpoints().stream()
                .filter(e -> e.path().startsWith("/api/") && !PUBLIC.containsKey(e.key()))
                .filter(e -> rule(e.handler()) == null)
                .map(Endpoint::key)
                .toList();
        assertThat(missing).as("operator endpoints without @PreAuthorize").isEmpty();
        var unknown = endpoints().stream()
                .map(e -> rule(e.handler()))
                .filter(r -> r != null)
                .flatMap(r -> PERMISSION.matcher(r).results().map(m -> m.group(1)))
                .filter(authority -> Permission.ofAuthority(authority).isEmpty())
                .toList();
        assertThat(unknown).as("permissions that do not exist").isEmpty();
    }

    /** A caller per role: an API token, or a signed-in session. */
    interface Callers {
        HttpFixtures of(Role role);
    }

    HttpFixtures admin() {
        return HttpFixtures.token(port, TestCredentials.API_TOKEN);
    }

    /**
     * Calls every endpoint that names a permission with each role's caller that lacks it, and requires 403; and that
     * no answer to a token request sets a session cookie.
     */
    void walkRefusals(Callers callers) {
        var checked = 0;
        for (var endpoint : endpoints()) {
            var rule = rule(endpoint.handler());
            if (rule == null
                    || WRITE_KEY_PATHS.matcher(endpoint.path()).matches()
                    || CONSUMER_PATHS.matcher(endpoint.path()).matches()) {
                continue;
            }
            var matcher = PERMISSION.matcher(rule);
            if (!matcher.find()) {
                continue;
            }
            var permission = Permission.ofAuthority(matcher.group(1)).orElseThrow();
            for (var role : Role.values()) {
                if (role.may(permission)) {
                    continue;
                }
                var response =
                        callers.of(role).send(endpoint.method(), concrete(endpoint.path()), "{}", "application/json");
                assertThat(response.status())
                        .as("%s needs %s; %s must be refused, got %s", endpoint.key(), permission, role, response)
                        .isEqualTo(403);
                assertNoSessionCreated(endpoint, response);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    static void assertNoSessionCreated(Endpoint endpoint, HttpFixtures.Response response) {
        assertThat(response.headers().allValues("Set-Cookie"))
                .as("%s must not create a session for a token request", endpoint.key())
                .noneMatch(cookie -> cookie.startsWith("SIYU_SESSION="));
    }

    @Test
    void everyEndpointRefusesRolesWithoutItsPermission() {
        var tokens = new HashMap<Role, HttpFixtures>();
        for (var role : Role.values()) {
            var secret = admin().post("/api/v1/api-tokens", """
                            {"name":"walk-%s","role":"%s"}""".formatted(role, role))
                    .json()
                    .get("secret")
                    .asString();
            tokens.put(role, HttpFixtures.token(port, secret));
        }
        walkRefusals(tokens::get);
    }

    /** A console session of a new admin, and what the admin API token then changes about its operator. */
    HttpFixtures adminSessionThen(String change) {
        var username = "walk" + UUID.randomUUID().toString().substring(0, 8);
        var id = admin().post("/api/v1/operators", """
                        {"username":"%s","role":"ADMIN","password":"long-enough-pw"}""".formatted(username))
                .json()
                .get("id")
                .asLong();
        var console = HttpFixtures.session(port, username, "long-enough-pw");
        assertThat(admin().patch("/api/v1/operators/" + id, change).status()).isEqualTo(200);
        return console;
    }

    @Test
    void everyEndpointRefusesASessionWhoseOperatorWasDemoted() {
        var sessions = new HashMap<Role, HttpFixtures>();
        for (var role : Role.values()) {
            sessions.put(role, adminSessionThen("""
                    {"role":"%s"}""".formatted(role)));
        }
        walkRefusals(sessions::get);
    }

    @Test
    void everyEndpointRefusesASessionWhoseOperatorWasDisabled() {
        var console = adminSessionThen("{\"disabled\":true}");

        var checked = 0;
        for (var endpoint : endpoints()) {
            if (PUBLIC.containsKey(endpoint.key()) || !endpoint.path().startsWith("/api/")) {
                continue;
            }
            var response = console.send(endpoint.method(), concrete(endpoint.path()), "{}", "application/json");
            assertThat(response.status())
                    .as("%s must refuse a disabled operator's session, answered %s", endpoint.key(), response)
                    .isEqualTo(401);
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void noReadWithATokenCreatesASession() {
        var admin = admin();
        var checked = 0;
        for (var endpoint : endpoints()) {
            if (!endpoint.method().equals("GET")
                    || WRITE_KEY_PATHS.matcher(endpoint.path()).matches()) {
                continue;
            }
            assertNoSessionCreated(endpoint, admin.get(concrete(endpoint.path())));
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void everyIngestionEndpointBeyondTrackingRefusesBrowserWriteKeys() {
        var secret = HttpFixtures.token(port, TestCredentials.API_TOKEN)
                .post("/api/v1/write-keys", "{\"name\":\"walk-browser\",\"scope\":\"browser\"}")
                .json()
                .get("secret")
                .asString();
        var browser = HttpFixtures.writeKey(port, secret);
        var checked = 0;
        for (var endpoint : endpoints()) {
            if (!endpoint.path().startsWith("/ingest/")) {
                continue;
            }
            var response = browser.send(endpoint.method(), concrete(endpoint.path()), "{}", "application/json");
            assertThat(response.status())
                    .as("%s is for server write keys; a browser key must be refused, got %s", endpoint.key(), response)
                    .isEqualTo(403);
            assertThat(response.json().get("scope").asString()).isEqualTo("browser");
            checked++;
        }
        assertThat(checked).as("the catalogue feed at least").isPositive();
    }

    @Test
    void everyConsumerEndpointRefusesCallersWithoutAConsumerToken() {
        var console = HttpFixtures.session(port, "admin", TestCredentials.ADMIN_PASSWORD);
        var callers = Map.of(
                "anonymous", HttpFixtures.anonymous(port),
                "an admin's API token", admin(),
                "an admin's session", console,
                "a write key", HttpFixtures.writeKey(port, TestCredentials.WRITE_KEY));
        var checked = 0;
        for (var endpoint : endpoints()) {
            if (!CONSUMER_PATHS.matcher(endpoint.path()).matches()) {
                continue;
            }
            for (var caller : callers.entrySet()) {
                var response =
                        caller.getValue().send(endpoint.method(), concrete(endpoint.path()), "{}", "application/json");
                assertThat(response.status())
                        .as("%s must refuse %s, answered %s", endpoint.key(), caller.getKey(), response)
                        .isEqualTo(401);
                assertThat(response.json().get("type").asString()).isEqualTo("/problems/unauthenticated");
            }
            checked++;
        }
        assertThat(checked).as("/consumer/v1/me and its consents at least").isGreaterThanOrEqualTo(2);
    }

    @Test
    void healthIsPublicAndMetricsNeedThePermission() {
        assertThat(HttpFixtures.anonymous(port)
                        .get("/actuator/health/readiness")
                        .status())
                .isEqualTo(200);
        assertThat(HttpFixtures.anonymous(port).get("/actuator/prometheus").status())
                .isEqualTo(401);
        var metrics = HttpFixtures.token(port, TestCredentials.API_TOKEN).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("siyu_ingest_messages_total");
    }

    static String rule(HandlerMethod handler) {
        var annotation = handler.getMethodAnnotation(PreAuthorize.class);
        if (annotation == null) {
            annotation = handler.getBeanType().getAnnotation(PreAuthorize.class);
        }
        return annotation == null ? null : annotation.value();
    }
}
