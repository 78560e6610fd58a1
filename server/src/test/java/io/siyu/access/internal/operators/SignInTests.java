package io.siyu.access.internal.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.TestCredentials;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in: guessing is held back per client address, never for an account as a whole; unknown and existing user
 * names get the same answers; fields are bounded; cookies are Secure behind TLS and the CSRF token is the session's.
 * Each test poses as clients of its own (X-Forwarded-For through the trusted local proxy), so that no test's failures
 * count against another's.
 */
@SiyuIntegrationTest
class SignInTests {

    static final String PASSWORD = "long-enough-pw";
    static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    HttpFixtures admin() {
        return HttpFixtures.token(port, TestCredentials.API_TOKEN);
    }

    String newOperator() {
        var username = "sig" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin().post("/api/v1/operators", """
                {"username":"%s","role":"ANALYST","password":"%s"}""".formatted(username, PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    /** A browser at an address no other test uses. */
    HttpFixtures browserAt(String address) {
        var browser = HttpFixtures.anonymous(port).header("X-Forwarded-For", address);
        browser.get("/api/v1/session");
        return browser;
    }

    static String newAddress() {
        var n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    static HttpFixtures.Response signIn(HttpFixtures browser, String username, String password) {
        return browser.post("/api/v1/session", """
                {"username":"%s","password":"%s"}""".formatted(username, password));
    }

    @Test
    void wrongGuessesFromOneAddressDoNotKeepTheOwnerOut() {
        var username = newOperator();
        var attacker = browserAt(newAddress());
        for (int attempt = 1; attempt < SignInThrottle.ACCOUNT_LIMIT; attempt++) {
            assertThat(signIn(attacker, username, "wrong-" + attempt).status()).isEqualTo(401);
        }
        var last = signIn(attacker, username, "wrong-last");
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
        assertThat(signIn(attacker, username, PASSWORD).status())
                .as("the attacker's address is held back even with the right password")
                .isEqualTo(429);

        var owner = browserAt(newAddress());
        assertThat(signIn(owner, username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aBurstOfParallelGuessesGetsNoMoreChecksThanTheLimit() throws Exception {
        var username = newOperator();
        var attacker = browserAt(newAddress());
        var statuses = new java.util.ArrayList<Integer>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var guesses = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 20; i++) {
                var guess = "parallel-" + i;
                guesses.add(
                        threads.submit(() -> signIn(attacker, username, guess).status()));
            }
            for (var guess : guesses) {
                statuses.add(guess.get());
            }
        }

        assertThat(statuses).allMatch(status -> status == 401 || status == 429);
        // every guess whose password was checked, and only those, left a failed sign-in in the audit log
        var checked = admin().get("/api/v1/audit-log?action=session.sign-in-failed&limit=500")
                .json()
                .get("items")
                .valueStream()
                .filter(entry -> entry.path("target").asString().equals("operator:" + username))
                .count();
        assertThat(checked).as("guesses whose password was checked").isBetween(1L, (long) SignInThrottle.ACCOUNT_LIMIT);
    }

    @Test
    void anIpv6ClientIsCountedByItsNetwork() {
        assertThat(ClientNetworks.of("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientNetworks.of("2001:db8:1:2:bbbb:cccc:dddd:2"))
                .isNotEqualTo(ClientNetworks.of("2001:db8:1:3::1"));
        assertThat(ClientNetworks.of("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientNetworks.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientNetworks.of("nothing:like-an-address.example")).isEqualTo("nothing:like-an-address.example");

        var username = newOperator();
        var network = "2001:db8:77:" + Integer.toHexString(ADDRESSES.incrementAndGet()) + "::";
        for (int attempt = 1; attempt < SignInThrottle.ACCOUNT_LIMIT; attempt++) {
            var fromAnotherAddressOfTheNetwork = browserAt(network + attempt);
            assertThat(signIn(fromAnotherAddressOfTheNetwork, username, "wrong-" + attempt)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(signIn(browserAt(network + "99"), username, "wrong-last").status())
                .isEqualTo(429);
    }

    @Test
    void unknownAndExistingUserNamesAreAnsweredAlike() {
        var existing = newOperator();
        var unknown = "nobody" + UUID.randomUUID().toString().substring(0, 8);
        var forExisting = browserAt(newAddress());
        var forUnknown = browserAt(newAddress());

        for (int attempt = 1; attempt <= SignInThrottle.ACCOUNT_LIMIT + 1; attempt++) {
            var a = signIn(forExisting, existing, "wrong-" + attempt);
            var b = signIn(forUnknown, unknown, "wrong-" + attempt);
            assertThat(b.status()).as("attempt %d", attempt).isEqualTo(a.status());
            assertThat(b.json().get("type").asString())
                    .isEqualTo(a.json().get("type").asString());
            assertThat(b.json().get("detail").asString().replaceAll("after .*", ""))
                    .isEqualTo(a.json().get("detail").asString().replaceAll("after .*", ""));
        }
    }

    @Test
    void aDisabledAccountIsAnsweredLikeAWrongPassword() {
        var username = newOperator();
        var id = admin().get("/api/v1/operators").json().findParents("username").stream()
                .filter(o -> o.get("username").asString().equals(username))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        admin().patch("/api/v1/operators/" + id, "{\"disabled\":true}");

        var answer = signIn(browserAt(newAddress()), username, PASSWORD);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("detail").asString()).isEqualTo("the user name or the password is wrong");
    }

    @Test
    void retriesOfAHeldBackNameDoNotHoldBackTheAddress() {
        var forgetful = newOperator();
        var colleague = newOperator();
        var address = newAddress();
        var office = browserAt(address);
        for (int attempt = 1; attempt <= SignInThrottle.ACCOUNT_LIMIT; attempt++) {
            signIn(office, forgetful, "wrong-" + attempt);
        }
        for (int retry = 1; retry <= SignInThrottle.CLIENT_LIMIT; retry++) {
            assertThat(signIn(office, forgetful, "retry-" + retry).status()).isEqualTo(429);
        }

        assertThat(signIn(browserAt(address), colleague, PASSWORD).status())
                .as("the colleague behind the same address")
                .isEqualTo(200);
    }

    @Test
    void oneAddressTryingManyNamesIsHeldBack() {
        var sprayer = browserAt(newAddress());
        for (int attempt = 1; attempt < SignInThrottle.CLIENT_LIMIT; attempt++) {
            assertThat(signIn(sprayer, "spray" + attempt, "Password123!").status())
                    .isEqualTo(401);
        }
        assertThat(signIn(sprayer, "spray-last", "Password123!").status()).isEqualTo(429);

        var username = newOperator();
        assertThat(signIn(sprayer, username, PASSWORD).status()).isEqualTo(429);
        assertThat(signIn(browserAt(newAddress()), username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAdminLetsAHeldBackNameTryAgain() {
        var username = newOperator();
        var address = newAddress();
        var browser = browserAt(address);
        for (int attempt = 1; attempt <= SignInThrottle.ACCOUNT_LIMIT; attempt++) {
            signIn(browser, username, "wrong-" + attempt);
        }
        var operator = admin().get("/api/v1/operators").json().findParents("username").stream()
                .filter(o -> o.get("username").asString().equals(username))
                .findFirst()
                .orElseThrow();
        assertThat(operator.get("signInHeldBack").asBoolean()).isTrue();

        admin().post("/api/v1/operators/" + operator.get("id").asLong() + "/unlock", "");

        assertThat(signIn(browserAt(address), username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anOverlongUserNameIsRefusedAndNotKept() {
        var browser = browserAt(newAddress());

        var tooLong = signIn(browser, "u".repeat(5_000), "whatever-password");
        var huge = signIn(browser, "u".repeat(5 * 1024 * 1024), "whatever-password");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("username");
        assertThat(huge.status()).isEqualTo(413);
        var audit = admin().get("/api/v1/audit-log?limit=20");
        assertThat(audit.body()).doesNotContain("u".repeat(1_000));
    }

    @Test
    void cookiesAreSecureBehindATlsProxy() {
        var browser = HttpFixtures.anonymous(port)
                .header("X-Forwarded-For", newAddress())
                .header("X-Forwarded-Proto", "https");
        var first = browser.get("/api/v1/session");
        assertThat(first.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .allMatch(c -> c.contains("Secure"))
                .isNotEmpty();

        // the test's client keeps Secure cookies off plain HTTP, as browsers do: it sends the token itself
        var token = first.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        var signedIn = browser.withoutCsrfToken()
                .sendBytes(
                        "POST",
                        "/api/v1/session",
                        """
                        {"username":"%s","password":"%s"}""".formatted(newOperator(), PASSWORD).getBytes(),
                        "application/json",
                        java.util.Map.of("Cookie", "XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token));

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("SIYU_SESSION=") || c.startsWith("XSRF-TOKEN="))
                .hasSize(2)
                .allMatch(c -> c.contains("Secure"));
        var plain = HttpFixtures.anonymous(port).get("/api/v1/session");
        assertThat(plain.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }

    /** A request with exactly these cookies and this CSRF header, as a browser whose cookies were tampered with. */
    HttpFixtures.Response signOutWith(String session, String csrfToken) {
        return HttpFixtures.anonymous(port)
                .withoutCsrfToken()
                .sendBytes(
                        "DELETE",
                        "/api/v1/session",
                        null,
                        "application/json",
                        java.util.Map.of(
                                "Cookie",
                                "SIYU_SESSION=" + session + "; XSRF-TOKEN=" + csrfToken,
                                "X-XSRF-TOKEN",
                                csrfToken));
    }

    @Test
    void aCsrfTokenWorksOnlyInTheSessionItWasIssuedFor() {
        var mallory = HttpFixtures.session(port, newOperator(), PASSWORD);
        var victim = HttpFixtures.session(port, newOperator(), PASSWORD);

        // a token planted in the victim's browser (by a sibling subdomain, say) and echoed in the header
        var planted = signOutWith(
                victim.cookie("SIYU_SESSION").orElseThrow(),
                mallory.cookie("XSRF-TOKEN").orElseThrow());

        assertThat(planted.status()).isEqualTo(403);
        assertThat(victim.get("/api/v1/session").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aTokenFromBeforeSigningInIsWorthNothingAfter() {
        var browser = browserAt(newAddress());
        var before = browser.cookie("XSRF-TOKEN").orElseThrow();

        assertThat(signIn(browser, newOperator(), PASSWORD).status()).isEqualTo(200);

        assertThat(browser.cookie("XSRF-TOKEN").orElseThrow()).isNotEqualTo(before);
        assertThat(signOutWith(browser.cookie("SIYU_SESSION").orElseThrow(), before)
                        .status())
                .isEqualTo(403);
        assertThat(browser.get("/api/v1/session").status())
                .as("still signed in")
                .isEqualTo(200);
    }
}
