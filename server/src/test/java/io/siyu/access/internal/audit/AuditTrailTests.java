package io.siyu.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.TestCredentials;
import io.siyu.access.AuditLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@SiyuIntegrationTest
class AuditTrailTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Test
    void anEntryKeepsBoundedTextsHoweverLargeWhatItRecords() {
        var huge = "a".repeat(5 * 1024 * 1024);
        audit.record(
                "test.oversized-" + huge,
                "operator:" + huge,
                Map.of(
                        "name",
                        huge,
                        "nul",
                        "a\u0000b",
                        "list",
                        List.of(huge, huge),
                        "many",
                        java.util.stream.IntStream.range(0, 500).boxed().toList()));
        var page = HttpFixtures.token(port, TestCredentials.API_TOKEN).get("/api/v1/audit-log?action=test.oversized");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).hasSizeLessThan(AuditTrail.MAX_DETAIL + 2 * AuditTrail.MAX_TEXT + 1_000);
        var entry = page.json().get("items").get(0);
        assertThat(entry.get("action").asString()).hasSize(AuditTrail.MAX_TEXT).endsWith("…");
        assertThat(entry.get("target").asString()).hasSize(AuditTrail.MAX_TEXT).startsWith("operator:aaa");
        assertThat(entry.get("detail").get("name").asString()).hasSize(AuditTrail.MAX_TEXT);
        assertThat(entry.get("detail").get("nul").asString()).isEqualTo("a\uFFFDb");
        assertThat(entry.get("detail").get("many")).hasSize(AuditTrail.MAX_ITEMS + 1);
    }

    @Test
    void aSignInWithAFiveMegabyteUserNameIsRefusedAndLeavesTheAuditPageSmall() {
        var anonymous = HttpFixtures.anonymous(port);
        anonymous.get("/api/v1/session");
        var refused = anonymous.post(
                "/api/v1/session", "{\"username\":\"" + "u".repeat(5 * 1024 * 1024) + "\",\"password\":\"x\"}");
        assertThat(refused.status()).isEqualTo(413);
        var unbounded =
                anonymous.post("/api/v1/session", "{\"username\":\"" + "u".repeat(900_000) + "\",\"password\":\"x\"}");
        assertThat(unbounded.status()).isEqualTo(400);
        var page = HttpFixtures.token(port, TestCredentials.API_TOKEN).get("/api/v1/audit-log?limit=50");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("u".repeat(AuditTrail.MAX_TEXT + 1));
        assertThat(page.body()).hasSizeLessThan(50 * (AuditTrail.MAX_DETAIL + 3 * AuditTrail.MAX_TEXT + 200));
    }
}
