package io.siyu.customers.internal.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The customer's time zone as their devices name it ({@code context.timezone}), on the profile the API answers. */
@SiyuIntegrationTest
class TimeZoneTests {

    @Autowired
    SiyuUnderTest siyu;

    private static String track(String user, String at, String timeZone) {
        return """
                {"type":"track","userId":"%s","event":"Product Viewed","timestamp":"%s","context":{"timezone":%s}}""".formatted(user, at, timeZone);
    }

    private JsonNode timeZone(String user) {
        var id = siyu.customerId("user_id:" + user);
        return siyu.admin().get("/api/v1/customers/" + id).json().get("timeZone");
    }

    @Test
    void theLatestValidZoneANamedMessageCarriesIsTheCustomers() {
        var user = "tz-" + UUID.randomUUID();
        var sent = siyu.shop()
                .post(
                        "/v1/batch",
                        "{\"batch\":[" + track(user, "2026-03-03T10:00:00Z", "\"Not/A_Zone\"") + ","
                                + track(user, "2026-03-02T10:00:00Z", "\"America/New_York\"") + ","
                                + track(user, "2026-03-01T10:00:00Z", "\"Europe/Berlin\"") + ","
                                + track(user, "2026-03-04T10:00:00Z", "42") + "]}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();

        var zone = timeZone(user);

        assertThat(zone.get("zone").asString()).isEqualTo("America/New_York");
        assertThat(zone.get("source").asString()).isEqualTo("customer");
        assertThat(zone.get("seenAt").asString()).isEqualTo("2026-03-02T10:00:00Z");
    }

    @Test
    void aCustomerWhoseMessagesNameNoZoneLivesInTheBrands() {
        var user = "tz-" + UUID.randomUUID();
        siyu.shop().post("/v1/batch", "{\"batch\":[" + track(user, "2026-03-01T10:00:00Z", "\"CST\"") + "]}");
        siyu.applyQueued();

        var zone = timeZone(user);

        assertThat(zone.get("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(zone.get("source").asString()).isEqualTo("brand");
        assertThat(zone.has("seenAt")).isFalse();
    }
}
