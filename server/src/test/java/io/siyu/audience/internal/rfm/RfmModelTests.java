package io.siyu.audience.internal.rfm;

import static io.siyu.audience.internal.rfm.RfmFixtures.customer;
import static io.siyu.audience.internal.rfm.RfmFixtures.index;
import static io.siyu.audience.internal.rfm.RfmFixtures.result;
import static io.siyu.audience.internal.rfm.RfmFixtures.scored;
import static io.siyu.audience.internal.rfm.RfmFixtures.scores;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** RFM scores by quintiles with ties kept together, the group of each cell, and the scores put into the index. */
class RfmModelTests {

    @Test
    void tenCustomersWithDistinctValuesFillTheQuintilesTwoByTwo() {
        // customer i bought i days ago, on 11 - i days, spending 10 * i
        var customers = new RfmModel.Values[10];
        for (int i = 1; i <= 10; i++) {
            customers[i - 1] = customer(i, i, 11 - i, String.valueOf(10 * i));
        }

        var scored = scored(customers);

        assertThat(scored).extracting(RfmModel.Scored::recency).containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
        assertThat(scored).extracting(RfmModel.Scored::frequency).containsExactly(5, 5, 4, 4, 3, 3, 2, 2, 1, 1);
        assertThat(scored).extracting(RfmModel.Scored::monetary).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void customersWithEqualValuesShareAScore() {
        var scored = scored(
                customer(1, 30, 1, "10"),
                customer(2, 30, 1, "10"),
                customer(3, 30, 1, "10"),
                customer(4, 5, 2, "20"),
                customer(5, 1, 3, "30"));

        // three share the worst frequency (none worse: 1); the fourth has three worse (1 + 5 * 3 / 5 = 4)
        assertThat(scores(scored.get(0))).containsExactly(1, 1, 1);
        assertThat(scores(scored.get(1))).isEqualTo(scores(scored.get(0)));
        assertThat(scores(scored.get(2))).isEqualTo(scores(scored.get(0)));
        assertThat(scores(scored.get(3))).containsExactly(4, 4, 4);
        assertThat(scores(scored.get(4))).containsExactly(5, 5, 5);
    }

    @Test
    void aCustomerScoredAloneHasNobodyWorseAndScoresOne() {
        assertThat(scores(scored(customer(1, 0, 9, "999")).getFirst())).containsExactly(1, 1, 1);
    }

    @Test
    void eachCellOfRecencyAndFrequencyHasItsNamedGroup() {
        assertThat(RfmModel.group(5, 5)).isEqualTo("champions");
        assertThat(RfmModel.group(5, 1)).isEqualTo("new_customers");
        assertThat(RfmModel.group(4, 1)).isEqualTo("promising");
        assertThat(RfmModel.group(3, 1)).isEqualTo("about_to_sleep");
        assertThat(RfmModel.group(1, 5)).isEqualTo("cant_lose");
        assertThat(RfmModel.group(1, 1)).isEqualTo("lost");
        assertThat(RfmModel.label("cant_lose")).isEqualTo("can't lose");
        assertThat(RfmModel.label("need_attention")).isEqualTo("need attention");
    }

    @Test
    void eachScoredCustomerIsInTheGroupOfTheirCell() {
        var scored = scored(customer(1, 1, 9, "90"), customer(2, 300, 1, "5"));

        // one of two has a worse value on each side: 1 + 5 * 1 / 2 = 3 for recency and frequency
        assertThat(scores(scored.get(0))).containsExactly(3, 3, 3);
        assertThat(scored.get(0).group()).isEqualTo("need_attention");
        assertThat(scored.get(1).group()).isEqualTo("lost");
    }

    @Test
    void theGridCountsCustomersAndSumsTheirSpendPerCell() {
        var result = result(customer(1, 1, 9, "90.50"), customer(2, 300, 1, "5"), customer(3, 300, 1, "7.25"));

        // customer 1: recency 1 + 5 * 2 / 3 = 4, frequency 4; customers 2 and 3 share recency 1, frequency 1
        assertThat(result.counts()[3][3]).isEqualTo(1);
        assertThat(result.counts()[0][0]).isEqualTo(2);
        assertThat(result.monetary()[0][0]).isEqualByComparingTo(new BigDecimal("12.25"));
        assertThat(result.monetary()[3][3]).isEqualByComparingTo(new BigDecimal("90.50"));
        assertThat(result.monetary()[4][4]).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void scoresGoIntoTheIndexForLiveCustomersOnly() {
        var index = index(1, 2);
        var result = result(customer(1, 1, 9, "90.50"), customer(2, 300, 1, "5"), customer(3, 300, 1, "7"));

        index.write(() -> RfmCalculator.putScores(result, index));

        assertThat(index.fact(RfmModel.RECENCY).get(1))
                .isEqualTo(result.scored().get(0).recency());
        assertThat(index.fact(RfmCalculator.RECENCY_DAYS).get(2)).isEqualTo(300);
        assertThat(index.fact(RfmCalculator.MONETARY_CENTS).get(1)).isEqualTo(9050);
        assertThat(index.fact(RfmModel.RECENCY).has(3)).isFalse(); // not live: merged away or never seen
        assertThat(index.stage(RfmModel.MODEL, "lost").toArray()).containsExactly(2);
        assertThat(index.stages(RfmModel.MODEL)).containsOnlyKeys(RfmModel.GROUPS);
    }
}
