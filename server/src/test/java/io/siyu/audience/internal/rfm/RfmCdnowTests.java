package io.siyu.audience.internal.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SharedData;
import io.siyu.audience.internal.AudienceFixtures;
import io.siyu.audience.internal.AudienceTest;
import io.siyu.audience.internal.index.CurrentIndex;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * RFM against a real purchase log: the CDNOW master file (69,659 purchases of 23,570 customers, January 1997 to June
 * 1998) goes through the ingestion API as completed orders; the raw recency, frequency and monetary value of every
 * customer must equal a direct computation over the file, and the scores must follow the documented tie rule.
 */
@AudienceTest
class RfmCdnowTests {

    static final LocalDate REFERENCE = LocalDate.of(1998, 6, 30);
    static final int WINDOW = 546; // 1997-01-01 to 1998-06-30

    @Autowired
    CurrentIndex current;

    @Autowired
    RfmCalculator rfm;

    @Autowired
    AudienceFixtures fixtures;

    record Purchase(String customer, LocalDate day, BigDecimal amount) {}

    record Expected(int recency, int frequency, BigDecimal monetary) {}

    @AfterEach
    void defaultSettings() {
        fixtures.admin().put("/api/v1/rfm/settings", "{\"windowDays\":365}");
    }

    @Test
    void rawValuesEqualTheFileAndScoresFollowTheTieRule() throws Exception {
        fixtures.awaitReady();
        var purchases = new ArrayList<Purchase>();
        var format = DateTimeFormatter.BASIC_ISO_DATE;
        for (var line : Files.readAllLines(SharedData.file("cdnow/lifetimes_CDNOW_master.txt"))) {
            var fields = line.strip().split("\\s+");
            if (fields.length < 4 || !fields[0].matches("\\d+")) {
                continue;
            }
            purchases.add(new Purchase(fields[0], LocalDate.parse(fields[1], format), new BigDecimal(fields[3])));
        }
        assertThat(purchases).hasSize(69_659);

        var messages = new ArrayList<JsonNode>();
        for (int i = 0; i < purchases.size(); i++) {
            var purchase = purchases.get(i);
            var message = AudienceFixtures.track(
                    "cdnow-" + purchase.customer(), "Order Completed", AudienceFixtures.at(purchase.day(), 0));
            message.put("messageId", "cdnow-" + i);
            message.withObject("properties")
                    .put("order_id", "cdnow-" + i)
                    .put("total", purchase.amount())
                    .put("currency", "USD");
            messages.add(message);
        }
        fixtures.send(messages);
        var settings = fixtures.admin()
                .put("/api/v1/rfm/settings", "{\"windowDays\":" + WINDOW + ",\"referenceDate\":\"" + REFERENCE + "\"}");
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);

        // straight from the file
        var days = new HashMap<String, TreeSet<LocalDate>>();
        var spent = new HashMap<String, BigDecimal>();
        for (var purchase : purchases) {
            days.computeIfAbsent(purchase.customer(), c -> new TreeSet<>()).add(purchase.day());
            spent.merge(purchase.customer(), purchase.amount(), BigDecimal::add);
        }
        var expected = new TreeMap<Long, Expected>();
        for (var customer : days.keySet()) {
            var id = fixtures.customer("cdnow-" + customer);
            expected.put(
                    id,
                    new Expected(
                            (int) ChronoUnit.DAYS.between(days.get(customer).last(), REFERENCE),
                            days.get(customer).size(),
                            spent.get(customer)));
        }
        assertThat(expected).hasSize(23_570);

        var scored = rfm.last().scored();
        var actual = new TreeMap<Long, Expected>();
        var scores = new HashMap<Long, int[]>();
        for (var customer : scored) {
            var values = customer.values();
            actual.put(
                    values.customerId(),
                    new Expected(
                            values.recencyDays(),
                            values.frequency(),
                            values.monetary().stripTrailingZeros()));
            scores.put(values.customerId(), new int[] {customer.recency(), customer.frequency(), customer.monetary()});
        }
        var stripped = new TreeMap<Long, Expected>();
        expected.forEach((id, e) -> stripped.put(
                id, new Expected(e.recency(), e.frequency(), e.monetary().stripTrailingZeros())));
        assertThat(actual).isEqualTo(stripped);

        // the tie rule, computed by brute force: 1 + ⌊5 · (customers with a strictly worse value) / n⌋, at most 5
        var n = expected.size();
        var recencies =
                expected.values().stream().mapToInt(Expected::recency).sorted().toArray();
        var frequencies = expected.values().stream()
                .mapToInt(Expected::frequency)
                .sorted()
                .toArray();
        var monetaries =
                expected.values().stream().map(Expected::monetary).sorted().toList();
        var checked = 0;
        for (var entry : expected.entrySet()) {
            if (checked++ % 97 != 0) {
                continue; // every 97th customer: brute force is quadratic
            }
            var e = entry.getValue();
            long worseR = java.util.Arrays.stream(recencies)
                    .filter(r -> r > e.recency())
                    .count();
            long worseF = java.util.Arrays.stream(frequencies)
                    .filter(f -> f < e.frequency())
                    .count();
            long worseM = monetaries.stream()
                    .filter(m -> m.compareTo(e.monetary()) < 0)
                    .count();
            assertThat(scores.get(entry.getKey()))
                    .as("scores of customer %d %s", entry.getKey(), e)
                    .containsExactly(score(worseR, n), score(worseF, n), score(worseM, n));
        }

        // the named groups partition the scored customers, and their segments hold them
        var groups = current.index().read(() -> {
            var sizes = new TreeMap<String, Integer>();
            current.index()
                    .stages(RfmModel.MODEL)
                    .forEach((group, members) -> sizes.put(group, members.getCardinality()));
            return sizes;
        });
        assertThat(groups.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        var champions = fixtures.admin()
                .post(
                        "/api/v1/segments/count",
                        "{\"definition\":{\"version\":1,\"condition\":{\"type\":\"rfm\",\"group\":\"champions\"}}}");
        assertThat(champions.json().get("count").asInt()).isEqualTo(groups.get("champions"));
        assertThat(groups.keySet()).contains("champions", "lost", "hibernating");
        var rfm = fixtures.admin().get("/api/v1/rfm").json();
        assertThat(rfm.toString()).contains("1998-06-30");
    }

    private static int score(long worse, int n) {
        return Math.min(5, 1 + (int) (5L * worse / n));
    }
}
