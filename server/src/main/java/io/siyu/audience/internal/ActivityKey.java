package io.siyu.audience.internal;

/**
 * What an activity column counts: an event ({@code $page}, {@code $purchase} and the like for non-track activity),
 * optionally restricted to one property value, or measuring one numeric property.
 */
record ActivityKey(String event, String property, String value, String measure) {

    /** The event under which purchases (completed orders) count, with their products and categories. */
    static final String PURCHASE = "$purchase";

    /** The measure of what a purchase spent. */
    static final String AMOUNT = "amount";

    static ActivityKey of(String event) {
        return new ActivityKey(event, "", "", "");
    }

    static ActivityKey filtered(String event, String property, String value) {
        return new ActivityKey(event, property, value, "");
    }

    static ActivityKey measured(String event, String measure) {
        return new ActivityKey(event, "", "", measure);
    }

    /** The amount spent on what this key filters (a product or a category of purchases). */
    ActivityKey spent() {
        return new ActivityKey(event, property, value, AMOUNT);
    }

    boolean isMeasured() {
        return !measure.isEmpty();
    }
}
