package io.siyu.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DemoGeneratorTests {

    static final DemoGenerator.Settings SETTINGS =
            new DemoGenerator.Settings(2026, LocalDate.parse("2026-11-22"), 2000, ZoneId.of("Asia/Shanghai"));

    @Test
    void theSameSeedGivesTheSameData() {
        var first = new DemoGenerator(SETTINGS);
        var second = new DemoGenerator(SETTINGS);

        for (var index : new int[] {0, 7, 391, 1999}) {
            assertThat(second.customer(index)).isEqualTo(first.customer(index));
        }
    }

    @Test
    void eachCustomersMessagesAreInTimeOrderWithinTheYear() {
        var generator = new DemoGenerator(SETTINGS);
        var start = Instant.parse("2025-11-21T16:00:00Z");
        var end = Instant.parse("2026-11-22T16:00:00Z");
        for (int index = 0; index < 200; index++) {
            var times = generator.customer(index).stream()
                    .map(m -> Instant.parse(m.get("timestamp").asString()))
                    .toList();
            assertThat(times).isSorted().allSatisfy(t -> assertThat(t).isBetween(start, end));
        }
    }

    @Test
    void theBrandLooksLikeASocialCommerceBrand() {
        var generator = new DemoGenerator(SETTINGS);
        var channels = new java.util.HashMap<String, Integer>();
        var buyers = 0;
        var repeatBuyers = 0;
        var refunds = 0;
        var messageIds = new HashSet<String>();
        for (int index = 0; index < SETTINGS.customers(); index++) {
            var messages = generator.customer(index);
            messages.forEach(m ->
                    assertThat(messageIds.add(m.get("messageId").asString())).isTrue());
            messages.stream()
                    .filter(m -> m.get("type").asString().equals("identify")
                            && m.path("traits").has("channel"))
                    .findFirst()
                    .ifPresent(
                            m -> channels.merge(m.path("traits").path("channel").asString(), 1, Integer::sum));
            var orders =
                    messages.stream().filter(m -> event(m, "Order Completed")).count();
            buyers += orders > 0 ? 1 : 0;
            repeatBuyers += orders > 1 ? 1 : 0;
            refunds += (int)
                    messages.stream().filter(m -> event(m, "Order Refunded")).count();
        }

        assertThat(channels.keySet()).containsExactlyInAnyOrder("wechat", "douyin", "xiaohongshu", "web");
        assertThat(channels.get("wechat")).isGreaterThan(channels.get("web"));
        assertThat(buyers).isBetween(SETTINGS.customers() / 6, SETTINGS.customers() / 2);
        assertThat(repeatBuyers).isBetween(buyers / 5, buyers);
        assertThat(refunds).isPositive();
    }

    @Test
    void doubleElevenOutsellsAnOrdinaryDay() {
        var generator = new DemoGenerator(SETTINGS);

        assertThat(ordersOn(generator, "2026-11-11")).isGreaterThan(3 * Math.max(1, ordersOn(generator, "2026-09-16")));
    }

    static long ordersOn(DemoGenerator generator, String day) {
        return IntStream.range(0, SETTINGS.customers())
                .mapToLong(i -> generator.customer(i).stream()
                        .filter(m -> event(m, "Order Completed"))
                        .filter(m -> LocalDate.ofInstant(
                                        Instant.parse(m.get("timestamp").asString()), SETTINGS.zone())
                                .equals(LocalDate.parse(day)))
                        .count())
                .sum();
    }

    static boolean event(JsonNode message, String name) {
        return message.path("event").asString("").equals(name);
    }
}
