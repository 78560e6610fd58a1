package io.siyu.access.internal.security;

import static io.siyu.access.internal.consumer.ConsumerTokenFixtures.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.TestCredentials;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures.ShopKey;
import io.siyu.access.internal.consumer.SiyuConsumerTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The consumer API's door over HTTP: tokens signed with registered keys open {@code /consumer/**} and nothing else;
 * every broken rule is refused with its reason; a change's token is used once; operators' credentials do not open it.
 */
@SiyuIntegrationTest
class ConsumerTokenTests {

    @Autowired
    SiyuUnderTest siyu;

    ShopKey registered(ShopKey key) {
        var response = siyu.admin().post("/api/v1/consumer-keys", key.registration("shop backend " + key.kid()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return key;
    }

    HttpFixtures customer(String token) {
        return HttpFixtures.token(siyu.port(), token).header("X-Forwarded-For", address());
    }

    /** Each caller its own address, so that no test spends another's allowance. */
    static String address() {
        var random = UUID.randomUUID().getLeastSignificantBits();
        return "2001:db8:%x:%x::1".formatted((random >>> 48) & 0xffff, (random >>> 32) & 0xffff);
    }

    static String user() {
        return "consumer-" + UUID.randomUUID();
    }

    void assertRefused(HttpFixtures.Response response, String reason, String token) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(response.json().get("reason").asString()).isEqualTo(reason);
        assertThat(response.body()).doesNotContain(token);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
    }

    @Test
    void aTokenSignedWithARegisteredKeyOpensTheConsumerApi() {
        var key = registered(ConsumerTokenFixtures.es256());
        var user = user();

        var me = customer(key.token(user)).get("/consumer/v1/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("subject").asString()).isEqualTo(user);
        assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void anEd25519KeyOpensItToo() {
        var key = registered(ConsumerTokenFixtures.ed25519(JWSAlgorithm.Ed25519));
        var eddsa = new ShopKey(key.privateJwk(), JWSAlgorithm.EdDSA);

        assertThat(customer(key.token(user())).get("/consumer/v1/me").status()).isEqualTo(200);
        assertThat(customer(eddsa.token(user())).get("/consumer/v1/me").status())
                .isEqualTo(200);
    }

    @Test
    void theJavaSampleOfTheDocsOpensTheConsumerApi() throws Exception {
        var key = SiyuConsumerTokens.newKey();
        var registered = siyu.admin()
                .post(
                        "/api/v1/consumer-keys",
                        "{\"name\":\"java sample\",\"jwk\":" + key.toPublicJWK().toJSONString() + "}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        var user = user();

        var me = customer(new SiyuConsumerTokens(key).tokenFor(user)).get("/consumer/v1/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("subject").asString()).isEqualTo(user);
    }

    @Test
    void eachBrokenRuleIsRefusedWithItsReason() throws Exception {
        var key = registered(ConsumerTokenFixtures.es256());
        var now = Instant.now();
        var hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(key.kid())
                        .build(),
                claims(user(), now).build());
        hmac.sign(new MACSigner(key.publicJwk().getBytes(StandardCharsets.UTF_8)));
        var valid = key.token(user());
        var parts = valid.split("\\.");
        var tampered = parts[0] + "."
                + Base64URL.encode(
                        claims("someone-else", now).build().toString().getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        var refused = new LinkedHashMap<String, String>();
        refused.put(
                key.token(
                        user(),
                        now,
                        c -> c.issueTime(Date.from(now.minus(Duration.ofMinutes(30))))
                                .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))),
                "expired");
        refused.put(
                key.token(user(), now, c -> c.expirationTime(Date.from(now.plus(Duration.ofHours(2))))), "lifetime");
        refused.put(key.token(user(), now, c -> c.audience("another-service")), "audience");
        refused.put(ConsumerTokenFixtures.es256().token(user()), "unknown-key");
        refused.put(
                new PlainJWT(
                                new PlainHeader.Builder()
                                        .customParam("kid", key.kid())
                                        .build(),
                                claims(user(), now).build())
                        .serialize(),
                "algorithm");
        refused.put(hmac.serialize(), "algorithm");
        refused.put(tampered, "signature");
        refused.put(TestCredentials.API_TOKEN, "malformed");

        for (Map.Entry<String, String> entry : refused.entrySet()) {
            assertRefused(customer(entry.getKey()).get("/consumer/v1/me"), entry.getValue(), entry.getKey());
        }
        var anonymous = siyu.anonymous().header("X-Forwarded-For", address()).get("/consumer/v1/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("reason").asString()).isEqualTo("missing");
    }

    @Test
    void aRetiredKeyStillOpensItAndARevokedOneNoLonger() {
        var key = registered(ConsumerTokenFixtures.es256());
        var token = key.token(user());

        var retired = siyu.admin().post("/api/v1/consumer-keys/" + key.kid() + "/retire", "{}");
        assertThat(retired.json().get("status").asString()).isEqualTo("retiring");
        assertThat(customer(token).get("/consumer/v1/me").status()).isEqualTo(200);

        assertThat(siyu.admin()
                        .delete("/api/v1/consumer-keys/" + key.kid())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("revoked");
        assertRefused(customer(token).get("/consumer/v1/me"), "revoked-key", token);
    }

    @Test
    void aChangesTokenIsUsedOnce() {
        var key = registered(ConsumerTokenFixtures.es256());
        var user = user();
        var token = key.token(user);
        var withoutJti = key.token(user, Instant.now(), c -> c.jwtID(null));
        var body = "{\"categoryPreferences\":{\"email\":true}}";

        assertThat(customer(token).put("/consumer/v1/me/consents", body).status())
                .isEqualTo(202);
        assertRefused(customer(token).put("/consumer/v1/me/consents", body), "replayed", token);
        assertRefused(customer(withoutJti).put("/consumer/v1/me/consents", body), "token-id", withoutJti);
        assertThat(customer(withoutJti).get("/consumer/v1/me").status())
                .as("reads need no jti")
                .isEqualTo(200);
    }

    @Test
    void aRetriedChangeWithAnIdempotencyKeyGetsItsFirstAnswer() {
        var key = registered(ConsumerTokenFixtures.es256());
        var user = user();
        var idempotency = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var body = "{\"categoryPreferences\":{\"sms\":false}}".getBytes(StandardCharsets.UTF_8);

        var first = customer(key.token(user))
                .sendBytes("PUT", "/consumer/v1/me/consents", body, "application/json", idempotency);
        var retry = customer(key.token(user))
                .sendBytes("PUT", "/consumer/v1/me/consents", body, "application/json", idempotency);
        var otherCustomer = customer(key.token(user()))
                .sendBytes("PUT", "/consumer/v1/me/consents", body, "application/json", idempotency);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(retry.json().get("messageId")).isEqualTo(first.json().get("messageId"));
        assertThat(otherCustomer.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(otherCustomer.json().get("messageId"))
                .isNotEqualTo(first.json().get("messageId"));
    }

    @Test
    void operatorsCredentialsDoNotOpenTheConsumerApi() {
        var console = siyu.session("admin", TestCredentials.ADMIN_PASSWORD).header("X-Forwarded-For", address());
        assertThat(console.get("/api/v1/session").json().path("username").asString())
                .isEqualTo("admin");

        var withSession = console.get("/consumer/v1/me");
        var withApiToken = customer(TestCredentials.API_TOKEN).get("/consumer/v1/me");
        var withWriteKey = siyu.shop().header("X-Forwarded-For", address()).get("/consumer/v1/me");

        assertThat(withSession.status()).isEqualTo(401);
        assertThat(withSession.json().get("reason").asString()).isEqualTo("missing");
        assertThat(withApiToken.status()).isEqualTo(401);
        assertThat(withWriteKey.status()).isEqualTo(401);
    }

    @Test
    void aConsumerTokenOpensNeitherTheOperatorApiNorIngestion() {
        var key = registered(ConsumerTokenFixtures.es256());
        var customer = customer(key.token(user()));

        assertThat(customer.get("/api/v1/customers").status()).isEqualTo(401);
        assertThat(customer.get("/api/v1/session").status()).isEqualTo(401);
        assertThat(customer.post("/v1/track", "{\"userId\":\"x\",\"event\":\"Forged\"}")
                        .status())
                .isEqualTo(401);
        assertThat(customer.post("/ingest/v1/products", "{\"products\":[]}").status())
                .isEqualTo(401);
        assertThat(customer.get("/consumer/v1/me").status())
                .as("the token itself is good")
                .isEqualTo(200);
    }
}
