package io.siyu.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuModuleTest;
import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.audience.internal.segments.Segments;
import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.customers.TouchFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events the audience module publishes, with the module started with the modules it calls (and the platform it
 * stands on) against a real PostgreSQL: touches recorded through the customers module move customers into and out of
 * segments and into lifecycle stages, and the module announces every move.
 *
 * <p>{@code DIRECT_DEPENDENCIES}: the engine reads profiles through customers' {@code Profiles}, which also records the
 * touches, and audits through access's {@code AuditLog}; standalone, those beans would have to be mocked, and nothing
 * of ours is. The clock stands still, so that the announcements' times are known.
 */
@SiyuModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(AudienceModuleTests.StillClock.class)
class AudienceModuleTests {

    static final Instant NOW = Instant.parse("2026-03-15T04:00:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration(proxyBeanMethods = false)
    static class StillClock {

        @Bean
        @Primary
        Clock stillClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    Profiles profiles;

    @Autowired
    CurrentIndex current;

    @Autowired
    Segments segments;

    @BeforeEach
    void indexBuilt() throws InterruptedException {
        // the index is built in the background once the application is ready
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!current.ready()) {
            assertThat(System.nanoTime()).as("audience index ready").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aCustomerWhoComesToMatchASegmentIsAnnouncedAsEnteringIt(Scenario scenario) {
        var segment = createSegment("module viewers", """
                {"type": "event", "event": "Module Viewed"}""");

        scenario.stimulate(() -> record("module-enters", "Module Viewed"))
                .andWaitForEventOfType(CustomerEnteredSegment.class)
                .matchingMappedValue(CustomerEnteredSegment::segmentId, segment)
                .toArriveAndVerify(event -> assertThat(event)
                        .isEqualTo(new CustomerEnteredSegment(segment, customer("module-enters"), NOW)));
    }

    @Test
    void aCustomerWhoStopsMatchingASegmentIsAnnouncedAsLeavingIt(Scenario scenario) {
        record("module-leaves", "Module Opened");
        // everyone who never left holds from the start, without an announcement
        var segment = createSegment("module stayers", """
                {"type": "not", "condition": {"type": "event", "event": "Module Left"}}""");

        scenario.stimulate(() -> record("module-leaves", "Module Left"))
                .andWaitForEventOfType(CustomerLeftSegment.class)
                .matchingMappedValue(CustomerLeftSegment::segmentId, segment)
                .toArriveAndVerify(event ->
                        assertThat(event).isEqualTo(new CustomerLeftSegment(segment, customer("module-leaves"), NOW)));
    }

    @Test
    void aNewCustomerIsAnnouncedEnteringAStageOfEachLifecycleModel(Scenario scenario) {
        scenario.stimulate(() -> record("module-newcomer", "Module Viewed"))
                .andWaitForEventOfType(CustomerChangedStage.class)
                .matching(event -> event.model().equals("journey"))
                .toArriveAndVerify(event -> assertThat(event)
                        .isEqualTo(new CustomerChangedStage(
                                "journey", customer("module-newcomer"), null, "awareness", NOW)));
    }

    private long createSegment(String name, String condition) {
        var definition = JSON.readTree("{\"version\": 1, \"condition\": " + condition + "}");
        return segments.create(name, null, definition).id();
    }

    /** Records a track of a known user now, as ingestion's pipeline does. */
    private void record(String userId, String event) {
        profiles.record(List.of(TouchFixtures.track(event)
                .messageId(userId + ":" + event)
                .userId(userId)
                .at(NOW)
                .build()));
    }

    private CustomerId customer(String userId) {
        return profiles.find("user_id:" + userId).orElseThrow();
    }
}
