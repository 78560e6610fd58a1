package io.siyu.journeys.internal.library;

import io.siyu.audience.Audiences;
import io.siyu.journeys.internal.store.Journey;
import io.siyu.journeys.internal.store.JourneyStore;
import io.siyu.messaging.Messages;
import io.siyu.shared.ConflictException;
import io.siyu.shared.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Makes journeys from the lifecycle scenes: their templates first (unless they exist), then the journey's draft. */
@Component
public class JourneyLibrary {

    private final JourneyStore store;
    private final Messages messages;
    private final Audiences audiences;
    private final JsonMapper json;

    JourneyLibrary(JourneyStore store, Messages messages, Audiences audiences, JsonMapper json) {
        this.store = store;
        this.messages = messages;
        this.audiences = audiences;
        this.json = json;
    }

    public List<Scene> scenes() {
        return Scenes.ALL;
    }

    public Scene scene(String key) {
        return Scenes.ALL.stream()
                .filter(scene -> scene.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("scene", key));
    }

    /** A draft journey made from a scene, with the templates it sends. */
    @Transactional
    public Journey draft(String key, String by) {
        var scene = scene(key);
        var graph = scene.graph();
        if (scene.segment() != null) {
            var segment = audiences
                    .segmentNamed(scene.segment())
                    .orElseThrow(() -> new ConflictException(
                            "segment", "the scene needs the segment '" + scene.segment() + "', which does not exist"));
            graph = graph.replace("$segment", String.valueOf(segment));
        }
        for (var template : scene.templates()) {
            messages.ensureTemplate(template, by);
        }
        return store.create(scene.name(), scene.description(), json.readTree(graph), by, scene.key());
    }

    /** The journey made from a scene that is not archived, if any. */
    public Optional<Journey> madeFrom(String key) {
        return store.byScene(key);
    }
}
