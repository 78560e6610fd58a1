package io.siyu.audience.internal.condition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A segment's condition, as parsed from its JSON definition (see {@code docs/segments.md}): a tree of boolean
 * combinations over facts, traits, consent, behaviour, purchases, tags, other segments, lifecycle stages and RFM cells.
 */
public sealed interface Condition {

    /** Every one of the conditions holds. */
    record All(List<Condition> conditions) implements Condition {}

    /** At least one of the conditions holds. */
    record Any(List<Condition> conditions) implements Condition {}

    /** The condition does not hold (among live customers). */
    record Not(Condition condition) implements Condition {}

    /** A comparison of one attribute (a trait or a fact) with a value, a list, a range or a date window. */
    record Attribute(
            Source source,
            String name,
            Operator operator,
            List<String> values,
            BigDecimal number,
            BigDecimal from,
            BigDecimal to,
            LocalDate date,
            LocalDate fromDate,
            LocalDate toDate,
            Integer days)
            implements Condition {}

    enum Source {
        TRAIT,
        FACT
    }

    enum Operator {
        EQUALS,
        NOT_EQUALS,
        IN,
        NOT_IN,
        EXISTS,
        NOT_EXISTS,
        CONTAINS,
        STARTS_WITH,
        GREATER_THAN,
        AT_LEAST,
        LESS_THAN,
        AT_MOST,
        BETWEEN,
        BEFORE,
        AFTER,
        ON_OR_BETWEEN_DATES,
        WITHIN_LAST_DAYS,
        MORE_THAN_DAYS_AGO,
        ANNIVERSARY_WITHIN_NEXT_DAYS
    }

    /** Where a customer stands on a category of consent: granted, denied, or never decided ({@code UNKNOWN}). */
    record Consent(String category, ConsentState state) implements Condition {}

    enum ConsentState {
        GRANTED,
        DENIED,
        UNKNOWN
    }

    /** A comparison of a number of a window with a threshold: "at least 3", "at most 0", "exactly 1". */
    record Threshold(Operator operator, BigDecimal value, BigDecimal to) {}

    /** Days of behaviour looked at: the last N days up to today, a range of dates, or all time. */
    record Window(Integer lastDays, LocalDate from, LocalDate to) {
        static final Window EVER = new Window(null, null, null);

        boolean relative() {
            return lastDays != null;
        }
    }

    enum Aggregate {
        SUM,
        MIN,
        MAX
    }

    /**
     * Did an event (optionally with one property equal to a value) a number of times in a window, or with a sum,
     * minimum or maximum of a measured property in the window.
     */
    record Behaviour(
            String event,
            String property,
            String value,
            Threshold count,
            Aggregate aggregate,
            String measure,
            Threshold aggregateThreshold,
            Window window)
            implements Condition {}

    /** Bought (a product, a category, or anything) a number of times, or spent an amount, in a window. */
    record Purchase(String product, String category, Threshold count, Threshold spent, Window window)
            implements Condition {}

    /** Holds a tag, or a value tag with a value. */
    record Tag(long tagId, String tagName, Operator operator, List<String> values) implements Condition {}

    /** Is a member of another segment. */
    record Segment(long segmentId) implements Condition {}

    /** Is in a stage of a lifecycle model. */
    record Lifecycle(String model, String stage) implements Condition {}

    /** Is in an RFM group, or has R, F and M scores within ranges (1 to 5). */
    record Rfm(String group, int[] recency, int[] frequency, int[] monetary) implements Condition {}
}
