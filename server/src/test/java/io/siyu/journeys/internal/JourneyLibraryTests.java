package io.siyu.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import io.siyu.journeys.JourneyScenes;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every lifecycle scene makes a journey that publishes as it is, with the templates it sends; publishing them all
 * twice publishes each once. Journeys made here are archived again, so that other tests' events do not enter them.
 */
@SiyuIntegrationTest
class JourneyLibraryTests {

    @Autowired
    SiyuUnderTest siyu;

    @Autowired
    JourneyScenes scenes;

    @Test
    void everySceneMakesAJourneyThatPublishesWithItsTemplates() {
        var library = siyu.admin().get("/api/v1/journey-library").json();
        assertThat(library.size()).isGreaterThanOrEqualTo(7);
        var made = new ArrayList<Long>();
        try {
            for (var scene : library) {
                var created = siyu.admin()
                        .post("/api/v1/journey-library/" + scene.get("key").asString() + "/journeys", "");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                var id = created.json().get("id").asLong();
                made.add(id);
                var published = siyu.admin().post("/api/v1/journeys/" + id + "/publish", "");
                assertThat(published.status()).as(published.body()).isEqualTo(200);
                for (var template : scene.get("templates")) {
                    assertThat(siyu.admin().get("/api/v1/message-templates").body())
                            .contains("\"key\":\"" + template.asString() + "\"");
                }
            }
        } finally {
            made.forEach(id -> siyu.admin().post("/api/v1/journeys/" + id + "/archive", ""));
        }
    }

    @Test
    void publishingAllScenesTwicePublishesEachOnce() {
        var first = scenes.publishAll("test");
        var second = scenes.publishAll("test");
        try {
            assertThat(first).isGreaterThanOrEqualTo(7);
            assertThat(second).isZero();
        } finally {
            for (var scene : siyu.admin().get("/api/v1/journey-library").json()) {
                if (scene.hasNonNull("journeyId")) {
                    siyu.admin()
                            .post("/api/v1/journeys/" + scene.get("journeyId").asLong() + "/archive", "");
                }
            }
        }
    }
}
