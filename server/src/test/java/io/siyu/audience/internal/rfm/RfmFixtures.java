package io.siyu.audience.internal.rfm;

import io.siyu.audience.internal.index.AudienceIndex;
import io.siyu.customers.CustomerId;
import io.siyu.customers.ProfileSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Customers' raw RFM values, scored results and small indexes, made by hand. */
final class RfmFixtures {

    static final LocalDate REFERENCE = LocalDate.of(2026, 3, 15);

    private RfmFixtures() {}

    /** A customer's raw values: days since the last purchase, days with a purchase, and the amount spent. */
    static RfmModel.Values customer(long id, int recencyDays, int frequency, String monetary) {
        return new RfmModel.Values(id, recencyDays, frequency, new BigDecimal(monetary));
    }

    /** The scores of customers, in the order given. */
    static List<RfmModel.Scored> scored(RfmModel.Values... customers) {
        return RfmModel.score(List.of(customers));
    }

    static RfmCalculator.Result result(RfmModel.Values... customers) {
        return new RfmCalculator.Result(new RfmCalculator.Settings(365, null), REFERENCE, scored(customers));
    }

    /** The scores of one customer as {recency, frequency, monetary}. */
    static int[] scores(RfmModel.Scored scored) {
        return new int[] {scored.recency(), scored.frequency(), scored.monetary()};
    }

    /** An index in which these customers are live and nothing else is known about them. */
    static AudienceIndex index(long... liveCustomers) {
        var index = new AudienceIndex(ZoneId.of("Asia/Shanghai"), value -> false);
        var profiles = Arrays.stream(liveCustomers)
                .mapToObj(id -> new ProfileSnapshot(
                        CustomerId.of(id),
                        null,
                        Map.of(),
                        null,
                        null,
                        null,
                        0,
                        0,
                        BigDecimal.ZERO,
                        null,
                        null,
                        Map.of(),
                        ZoneId.of("Asia/Shanghai")))
                .toList();
        index.write(() -> index.applyAll(profiles));
        return index;
    }
}
