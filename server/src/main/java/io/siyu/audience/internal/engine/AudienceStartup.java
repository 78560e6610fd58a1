package io.siyu.audience.internal.engine;

import io.siyu.audience.internal.condition.ConditionParser;
import io.siyu.audience.internal.definitions.DefinitionStore;
import io.siyu.audience.internal.rfm.RfmModel;
import java.util.HashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings the audience engine up: adds the built-in lifecycle models and RFM segments to a fresh installation, and
 * builds the index in the background once the application is ready.
 */
@Component
class AudienceStartup {

    private static final Logger log = LoggerFactory.getLogger(AudienceStartup.class);

    /** The built-in models: the value layers (用户分层) and the customer journey (生命周期). */
    static final String MODELS = """
            [{"name": "value", "label": "Value layers", "stages": [
               {"value": "new", "label": "New",
                "condition": {"type": "fact", "fact": "first_seen_at", "operator": "within_last_days", "days": 30}},
               {"value": "churned", "label": "Churned",
                "condition": {"type": "fact", "fact": "last_seen_at", "operator": "more_than_days_ago", "days": 180}},
               {"value": "dormant", "label": "Dormant",
                "condition": {"type": "fact", "fact": "last_seen_at", "operator": "more_than_days_ago", "days": 60}},
               {"value": "high_value", "label": "High value",
                "condition": {"type": "fact", "fact": "total_spent", "operator": "at_least", "value": 1000}},
               {"value": "retained", "label": "Retained",
                "condition": {"type": "fact", "fact": "order_count", "operator": "at_least", "value": 2}},
               {"value": "active", "label": "Active"}]},
             {"name": "journey", "label": "Customer journey", "stages": [
               {"value": "churn", "label": "Churn",
                "condition": {"type": "fact", "fact": "last_seen_at", "operator": "more_than_days_ago", "days": 180}},
               {"value": "loyalty", "label": "Loyalty",
                "condition": {"type": "fact", "fact": "order_count", "operator": "at_least", "value": 2}},
               {"value": "purchase", "label": "Purchase",
                "condition": {"type": "fact", "fact": "order_count", "operator": "at_least", "value": 1}},
               {"value": "interest", "label": "Interest",
                "condition": {"type": "any", "conditions": [
                  {"type": "event", "event": "Product Added"},
                  {"type": "event", "event": "Checkout Started"},
                  {"type": "fact", "fact": "event_count", "operator": "at_least", "value": 5}]}},
               {"value": "awareness", "label": "Awareness"}]}]""";

    private final IndexBuilder builder;
    private final DefinitionStore store;
    private final JsonMapper json;

    AudienceStartup(IndexBuilder builder, DefinitionStore store, JsonMapper json) {
        this.builder = builder;
        this.store = store;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        seed();
        Thread.ofPlatform().name("siyu-audience-build").daemon(true).start(() -> {
            try {
                builder.rebuild();
            } catch (RuntimeException e) {
                log.error("building the audience index failed", e);
            }
        });
    }

    void seed() {
        var existing = new HashSet<String>();
        store.models().forEach(model -> existing.add(model.name()));
        for (var model : json.readTree(MODELS)) {
            var name = model.get("name").asString();
            if (!existing.contains(name)) {
                store.saveModel(name, model.get("label").asString(), model.get("stages"), true, "system");
            }
        }
        var groups = new HashSet<String>();
        store.segments().forEach(segment -> {
            var condition = segment.definition().path("condition");
            if (segment.builtIn() && condition.path("type").asString("").equals("rfm")) {
                groups.add(condition.path("group").asString(""));
            }
        });
        for (var group : RfmModel.GROUPS) {
            var name = "RFM: " + RfmModel.label(group);
            if (!groups.contains(group)) {
                var definition = json.createObjectNode();
                definition.put("version", ConditionParser.VERSION);
                definition.putObject("condition").put("type", "rfm").put("group", group);
                store.createSegment(name, "Customers in the RFM group " + group, definition, true, "system");
            }
        }
    }
}
