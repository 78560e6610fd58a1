package io.siyu.journeys.internal.library;

import io.siyu.journeys.JourneyScenes;
import io.siyu.journeys.internal.store.JourneyStore;
import io.siyu.journeys.internal.store.LiveJourneys;
import io.siyu.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The journeys module's {@link JourneyScenes}: a draft of each missing scene, published at once. */
@Component
class LibraryFacade implements JourneyScenes {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryFacade.class);

    private final JourneyLibrary library;
    private final JourneyStore store;
    private final LiveJourneys live;

    LibraryFacade(JourneyLibrary library, JourneyStore store, LiveJourneys live) {
        this.library = library;
        this.store = store;
        this.live = live;
    }

    @Override
    public int publishAll(String by) {
        var published = 0;
        for (var scene : library.scenes()) {
            if (library.madeFrom(scene.key()).isPresent()) {
                continue;
            }
            try {
                store.publish(library.draft(scene.key(), by).id(), by);
                published++;
            } catch (ConflictException e) {
                LOG.info("the journey scene '{}' was left out: {}", scene.key(), e.getMessage());
            }
        }
        live.refresh();
        return published;
    }
}
