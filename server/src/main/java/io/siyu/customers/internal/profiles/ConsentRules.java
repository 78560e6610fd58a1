package io.siyu.customers.internal.profiles;

import io.siyu.customers.Touch;
import io.siyu.shared.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How a message carries a customer's consent: Segment's consent object, {@code context.consent.categoryPreferences},
 * a map from a category (a channel such as {@code sms}, or a purpose such as {@code Advertising}) to whether the
 * customer agreed. A message without it, or with an empty {@code context.consent}, says nothing about consent; an empty
 * {@code categoryPreferences} withdraws every category the profile holds, as Segment reads it.
 */
public final class ConsentRules {

    static final String PATH = "context.consent.categoryPreferences";
    static final int MAX_CATEGORY_LENGTH = 64;
    static final int MAX_CATEGORIES = 50;

    private ConsentRules() {}

    /** What is wrong with a message's consent object, if anything. */
    public static List<Violation> check(Touch touch) {
        var consent = touch.context().get("consent");
        if (consent == null || consent.isNull()) {
            return List.of();
        }
        if (!consent.isObject()) {
            return List.of(new Violation("context.consent", "type", "must be an object"));
        }
        var preferences = consent.get("categoryPreferences");
        if (preferences == null || preferences.isNull()) {
            return List.of();
        }
        if (!preferences.isObject()) {
            return List.of(
                    new Violation(PATH, "type", "must be an object of categories, each true (granted) or false"));
        }
        if (preferences.size() > MAX_CATEGORIES) {
            return List.of(new Violation(PATH, "max-size", "may name at most " + MAX_CATEGORIES + " categories"));
        }
        for (var entry : preferences.properties()) {
            var category = entry.getKey();
            if (category.isBlank() || category.length() > MAX_CATEGORY_LENGTH || !category.equals(category.strip())) {
                return List.of(new Violation(
                        PATH,
                        "category",
                        "category names have 1 to " + MAX_CATEGORY_LENGTH + " characters without surrounding spaces: '"
                                + category + "'"));
            }
            if (!entry.getValue().isBoolean()) {
                return List.of(
                        new Violation(PATH + "." + category, "type", "must be true (granted) or false (denied)"));
            }
        }
        return List.of();
    }

    /**
     * The categories a (checked) message decides, in its order: empty when it carries none; an empty map when it
     * withdraws everything.
     */
    static Optional<Map<String, Boolean>> preferences(Touch touch) {
        var preferences = touch.context().path("consent").path("categoryPreferences");
        if (!preferences.isObject()) {
            return Optional.empty();
        }
        var decided = new LinkedHashMap<String, Boolean>();
        for (var entry : preferences.properties()) {
            JsonNode value = entry.getValue();
            if (value.isBoolean()) {
                decided.put(entry.getKey(), value.asBoolean());
            }
        }
        return Optional.of(decided);
    }
}
