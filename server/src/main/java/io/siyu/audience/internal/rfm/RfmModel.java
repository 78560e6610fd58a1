package io.siyu.audience.internal.rfm;

import java.math.BigDecimal;
import java.util.List;

/**
 * RFM scoring: recency (days since the last purchase, on the reference date), frequency (distinct days with a purchase
 * in the window) and monetary value (total spent in the window), each scored 1 to 5 by quintiles among the customers
 * who bought in the window, and the named group of each recency/frequency cell.
 *
 * <p>Tie rule: a customer's score is 1 + ⌊5 · w / n⌋, where n is the number of customers scored and w the number with
 * a strictly worse value (larger recency; smaller frequency or monetary value). Customers with equal values therefore
 * always share a score, and a value held by many can never be split across two scores; the price is that quintiles
 * may be unequal when values repeat, as frequencies do.
 */
public final class RfmModel {

    public static final String MODEL = "rfm";
    public static final String RECENCY = "rfm_recency";
    public static final String FREQUENCY = "rfm_frequency";
    public static final String MONETARY = "rfm_monetary";

    public static final List<String> GROUPS = List.of(
            "champions",
            "loyal",
            "potential_loyalists",
            "new_customers",
            "promising",
            "need_attention",
            "about_to_sleep",
            "at_risk",
            "cant_lose",
            "hibernating",
            "lost");

    /** The group of each cell: rows are recency scores 1 to 5, columns frequency scores 1 to 5. */
    private static final String[][] CELLS = {
        {"lost", "lost", "at_risk", "cant_lose", "cant_lose"},
        {"hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"},
        {"about_to_sleep", "need_attention", "need_attention", "loyal", "loyal"},
        {"promising", "potential_loyalists", "loyal", "champions", "champions"},
        {"new_customers", "potential_loyalists", "potential_loyalists", "champions", "champions"}
    };

    private RfmModel() {}

    /** How a group reads to people: "can't lose" for cant_lose. */
    public static String label(String group) {
        return group.equals("cant_lose") ? "can't lose" : group.replace('_', ' ');
    }

    public static String group(int recency, int frequency) {
        return CELLS[recency - 1][frequency - 1];
    }

    /** Raw values of one customer. */
    record Values(long customerId, int recencyDays, int frequency, BigDecimal monetary) {}

    /** Scores of one customer. */
    public record Scored(Values values, int recency, int frequency, int monetary, String group) {}

    static List<Scored> score(List<Values> customers) {
        var n = customers.size();
        var recencies =
                customers.stream().mapToInt(Values::recencyDays).sorted().toArray();
        var frequencies =
                customers.stream().mapToInt(Values::frequency).sorted().toArray();
        var monetaries = customers.stream().map(Values::monetary).sorted().toArray(BigDecimal[]::new);
        return customers.stream()
                .map(values -> {
                    // worse recency is larger: count values strictly greater
                    var worseRecency = n - upperBound(recencies, values.recencyDays());
                    var worseFrequency = lowerBound(frequencies, values.frequency());
                    var worseMonetary = lowerBound(monetaries, values.monetary());
                    var r = score(worseRecency, n);
                    var f = score(worseFrequency, n);
                    var m = score(worseMonetary, n);
                    return new Scored(values, r, f, m, group(r, f));
                })
                .toList();
    }

    static int score(int worse, int n) {
        return Math.min(5, 1 + (int) (5L * worse / n));
    }

    /** Number of elements strictly smaller than the value. */
    private static int lowerBound(int[] sorted, int value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Number of elements smaller than or equal to the value. */
    private static int upperBound(int[] sorted, int value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            var middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int lowerBound(BigDecimal[] sorted, BigDecimal value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            var middle = (low + high) >>> 1;
            if (sorted[middle].compareTo(value) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
