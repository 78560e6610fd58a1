package io.siyu;

import io.siyu.ingest.Ingestion;
import org.springframework.core.env.Environment;

/**
 * The running application as an integration test drives it: over HTTP as the shop (the bootstrap write key), as the
 * administrator (the bootstrap API token), with other credentials or none, and its ingestion pipeline on demand. Every
 * {@link SiyuIntegrationTest} can have it injected.
 */
public class SiyuUnderTest {

    private final Environment environment;
    private final Ingestion ingestion;

    SiyuUnderTest(Environment environment, Ingestion ingestion) {
        this.environment = environment;
        this.ingestion = ingestion;
    }

    /** The port the application listens on, known once it has started. */
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /** The shop's backend and pages, with the bootstrap write key. */
    public HttpFixtures shop() {
        return writeKey(TestCredentials.WRITE_KEY);
    }

    /** An administrator, with the bootstrap API token. */
    public HttpFixtures admin() {
        return token(TestCredentials.API_TOKEN);
    }

    public HttpFixtures writeKey(String key) {
        return HttpFixtures.writeKey(port(), key);
    }

    public HttpFixtures token(String token) {
        return HttpFixtures.token(port(), token);
    }

    public HttpFixtures session(String username, String password) {
        return HttpFixtures.session(port(), username, password);
    }

    /** A caller without credentials. */
    public HttpFixtures anonymous() {
        return HttpFixtures.anonymous(port());
    }

    /** The id of the live customer an identity such as {@code user_id:ann} leads to, as an operator finds it. */
    public long customerId(String identity) {
        return admin().get("/api/v1/customers?identity=" + identity)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
    }

    /** Applies every acknowledged message now, as the pipeline would, and answers how many it applied. */
    public int applyQueued() {
        return ingestion.applyQueued();
    }
}
