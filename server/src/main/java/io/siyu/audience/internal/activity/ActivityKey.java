package io.siyu.audience.internal.activity;

/**
 * What an activity column counts: an event ({@code $page}, {@code $purchase} and the like for non-track activity),
 * optionally restricted to one property value, or measuring one numeric property.
 */
public record ActivityKey(String event, String property, String value, String measure) {

    /** The event under which purchases (completed orders) count, with their products and categories. */
    public static final String PURCHASE = "$purchase";

    /** The measure of what a purchase spent. */
    public static final String AMOUNT = "amount";

    public static ActivityKey of(String event) {
        return new ActivityKey(event, "", "", "");
    }

    public static ActivityKey filtered(String event, String property, String value) {
        return new ActivityKey(event, property, value, "");
    }

    public static ActivityKey measured(String event, String measure) {
        return new ActivityKey(event, "", "", measure);
    }

    /** The amount spent on what this key filters (a product or a category of purchases). */
    public ActivityKey spent() {
        return new ActivityKey(event, property, value, AMOUNT);
    }

    boolean isMeasured() {
        return !measure.isEmpty();
    }
}
