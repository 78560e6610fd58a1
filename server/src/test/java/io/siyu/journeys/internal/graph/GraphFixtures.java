package io.siyu.journeys.internal.graph;

import io.siyu.journeys.JourneyAction;
import io.siyu.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journey graphs for tests, written as JSON, and the terms they are checked against: one action that likes any settings,
 * a stand-in for the condition language and one lifecycle model.
 */
public final class GraphFixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphFixtures() {}

    /** An action that accepts every object as its settings and does nothing. */
    public static final JourneyAction NOTHING = new JourneyAction() {
        @Override
        public String type() {
            return "nothing";
        }

        @Override
        public String describe() {
            return "does nothing";
        }

        @Override
        public List<Violation> check(JsonNode config) {
            return config.has("bad") ? List.of(new Violation("bad", "test", "is bad")) : List.of();
        }

        @Override
        public void apply(List<Call> calls) {}
    };

    public static final Map<String, JourneyAction> ACTIONS = Map.of("nothing", NOTHING);

    /** The one segment the terms know. */
    public static final long SEGMENT = 12;

    /** The moment drafts are checked at: 2026-12-07 10:00 in Shanghai. */
    public static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);

    /** The lifecycle model the terms know: {@code value}, with three stages. */
    public static final List<String> VALUE_STAGES = List.of("new", "dormant", "active");

    /**
     * Terms with the one action, a condition language that refuses conditions of the type {@code "bogus"} (naming
     * their {@code type}) and accepts the rest, one lifecycle model, {@code value}, one segment, {@link #SEGMENT}, and
     * the clock {@link #NOW}.
     */
    public static final GraphReader.Terms TERMS = new GraphReader.Terms(
            ACTIONS,
            condition -> condition.path("type").asString("").equals("bogus")
                    ? List.of(new Violation("type", "one-of", "no such condition"))
                    : List.of(),
            model -> model.equals("value") ? VALUE_STAGES : List.of(),
            segment -> segment == SEGMENT,
            NOW);

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** A graph with the given nodes after an event trigger, starting at {@code first}. */
    public static JsonNode graph(String first, String nodes) {
        return json("""
                {"trigger":{"type":"event","event":"Signed Up"},"first":"%s","nodes":[%s]}""".formatted(first, nodes));
    }

    /** A graph whose trigger is the given one, with one action. */
    public static JsonNode triggered(String trigger) {
        return json("""
                {"trigger":%s,"first":"a","nodes":[{"id":"a","type":"action","action":"nothing","config":{}}]}""".formatted(trigger));
    }

    public static JourneyGraph read(String first, String nodes) {
        return GraphReader.read(graph(first, nodes), TERMS, "draft");
    }

    /** The welcome series: an action, a day's wait, an event wait with a reminder on timeout, an exit. */
    public static final String WELCOME = """
            {"id":"hello","type":"action","action":"nothing","config":{},"next":"day"},
            {"id":"day","type":"wait","duration":"P1D","next":"order"},
            {"id":"order","type":"wait_event","event":"Order Completed","timeout":"P3D","onEvent":"thanks",
             "onTimeout":"remind"},
            {"id":"remind","type":"action","action":"nothing","config":{},"next":"bye"},
            {"id":"thanks","type":"action","action":"nothing","config":{},"next":null},
            {"id":"bye","type":"exit"}""";
}
