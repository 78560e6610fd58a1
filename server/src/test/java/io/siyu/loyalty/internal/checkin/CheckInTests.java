package io.siyu.loyalty.internal.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.HttpFixtures;
import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.access.internal.consumer.ConsumerTokenFixtures;
import io.siyu.customers.CustomerId;
import io.siyu.journeys.internal.JourneyFixtures;
import io.siyu.loyalty.Points;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Daily check-in: once per member and local day whatever arrives at once (the key, not a read, guarantees it), streaks
 * that earn the points of their day, and the consumer API that shows the member their month and the rules.
 */
@SiyuIntegrationTest
class CheckInTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Points points;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twentyCheckInsAtOnceMakeOneAndEarnOnce() throws Exception {
        var customer = CustomerId.of(new JourneyFixtures(siyu).customer().id());
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<CheckIns.CheckIn>>();
        try (var executor = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                results.add(executor.submit(() -> {
                    start.await();
                    return checkIns.checkIn(customer);
                }));
            }
            start.countDown();
            var fresh = 0;
            for (var result : results) {
                if (!result.get().already()) {
                    fresh++;
                }
            }
            assertThat(fresh).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from loyalty.check_in where customer_id = ?", Long.class, customer.value()))
                .isEqualTo(1);
        assertThat(points.balance(customer)).isEqualTo(5);
    }

    @Test
    void aStreakEarnsThePointsOfItsDayAndTheMemberSeesTheirMonthAndTheRules() {
        var member = new JourneyFixtures(siyu).customer();
        var customer = CustomerId.of(member.id());
        var today = checkIns.today(customer);
        jdbc.update(
                "insert into loyalty.check_in (customer_id, day, streak, points, at) values (?, ?, 2, 5, ?)",
                customer.value(),
                Date.valueOf(today.minusDays(1)),
                java.sql.Timestamp.from(Instant.now()));
        var shop = ConsumerTokenFixtures.es256();
        assertThat(siyu.admin()
                        .post("/api/v1/consumer-keys", shop.registration("check-in " + UUID.randomUUID()))
                        .status())
                .isEqualTo(201);
        var app = HttpFixtures.consumer(siyu.port(), () -> shop.token(member.user()));

        var first = app.post("/consumer/v1/check-ins", "");
        var again = app.post("/consumer/v1/check-ins", "");
        var month = app.get("/consumer/v1/check-ins");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("streak").asInt()).isEqualTo(3);
        assertThat(first.json().get("points").asLong()).isEqualTo(10);
        assertThat(first.json().get("already").asBoolean()).isFalse();
        assertThat(again.json().get("already").asBoolean()).isTrue();
        assertThat(again.json().get("balance").asLong()).isEqualTo(10);
        assertThat(month.json().get("checkedInToday").asBoolean()).isTrue();
        assertThat(month.json().get("streak").asInt()).isEqualTo(3);
        assertThat(month.json().get("pointsByStreakDay")).hasSize(7);
        assertThat(month.json().get("days").toString()).contains(today.toString());
    }

    @Test
    void aMemberChecksInOnTheirOwnDayAndAStrangerIsToldToBeIdentifiedFirst() {
        var user = "zone-" + UUID.randomUUID();
        var sent = siyu.shop().post("/v1/identify", """
                {"userId":"%s","context":{"timezone":"Pacific/Kiritimati"}}""".formatted(user));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        siyu.applyQueued();
        var customer = CustomerId.of(siyu.customerId("user_id:" + user));
        var before = LocalDate.now(ZoneId.of("Pacific/Kiritimati"));

        var day = checkIns.checkIn(customer).day();

        assertThat(day).isIn(before, LocalDate.now(ZoneId.of("Pacific/Kiritimati")));
        var shop = ConsumerTokenFixtures.es256();
        siyu.admin().post("/api/v1/consumer-keys", shop.registration("stranger " + UUID.randomUUID()));
        var stranger = HttpFixtures.consumer(siyu.port(), () -> shop.token("never-seen-" + UUID.randomUUID()))
                .post("/consumer/v1/check-ins", "");
        assertThat(stranger.status()).isEqualTo(409);
        assertThat(stranger.body()).contains("customer-unknown");
    }
}
