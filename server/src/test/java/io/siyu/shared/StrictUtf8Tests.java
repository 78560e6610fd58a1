package io.siyu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.TestCredentials;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** JSON bodies of the operator API are strict UTF-8: an overlong form is refused, not read as the character it hides. */
@SiyuIntegrationTest
class StrictUtf8Tests {

    @LocalServerPort
    int port;

    @Test
    void overlongUtf8InAnOperatorApiBodyIsRefusedAndChangesNothing() {
        var admin = HttpFixtures.token(port, TestCredentials.API_TOKEN);
        var name = "overlong-" + UUID.randomUUID();
        for (var overlong : Utf8Fixtures.OVERLONG_SLASHES) {
            var response = admin.sendBytes(
                    "POST",
                    "/api/v1/write-keys",
                    Utf8Fixtures.around("{\"name\":\"" + name + "..", overlong, "etc\"}"),
                    "application/json",
                    Map.of());

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .containsExactly("body");
            assertThat(response.json().get("errors").findValuesAsString("rule")).containsExactly("utf-8");
        }
        assertThat(admin.get("/api/v1/write-keys").body()).doesNotContain(name);
    }

    @Test
    void theSignInDoorIsStrictToo() {
        var browser = HttpFixtures.anonymous(port);
        browser.get("/api/v1/session");
        var response = browser.sendBytes(
                "POST",
                "/api/v1/session",
                Utf8Fixtures.around(
                        "{\"username\":\"admin\",\"password\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"),
                "application/json",
                Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("rule")).containsExactly("utf-8");
    }

    @Test
    void wellFormedUtf8StillPasses() {
        var response = HttpFixtures.token(port, TestCredentials.API_TOKEN)
                .post("/api/v1/write-keys", "{\"name\":\"小程序 😀 " + UUID.randomUUID() + "\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
