package io.siyu.demo.internal;

import io.siyu.ingest.Ingestion;
import io.siyu.journeys.JourneyScenes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo shop's live side: once the demo brand is loaded, the lifecycle journeys are published, and every few
 * seconds a customer signs up, browses, fills a cart or orders, as a shop would report it. So a newcomer sees journeys
 * at work (welcome e-mails in the sandbox outbox within seconds, cart reminders an hour later) without sending
 * anything themselves. Only with the demo switched on.
 */
@Component
class DemoTraffic {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NAMES = List.of("晓雯", "子涵", "欣怡", "雨桐", "浩然", "思远", "嘉怡", "梓萱", "一诺", "明轩");

    private final DemoProperties properties;
    private final Ingestion ingestion;
    private final JdbcTemplate jdbc;
    private final JourneyScenes scenes;
    private final Clock clock;
    private final Random random = new Random();
    private volatile boolean journeysPublished;

    DemoTraffic(DemoProperties properties, Ingestion ingestion, JdbcTemplate jdbc, JourneyScenes scenes, Clock clock) {
        this.properties = properties;
        this.ingestion = ingestion;
        this.jdbc = jdbc;
        this.scenes = scenes;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${siyu.demo.live-traffic-every:PT15S}", initialDelayString = "PT10S")
    void tick() {
        if (!properties.enabled() || !loaded()) {
            return;
        }
        if (!journeysPublished) {
            var published = scenes.publishAll("demo");
            journeysPublished = true;
            if (published > 0) {
                LOG.info("demo brand: {} lifecycle journeys published", published);
            }
        }
        if (!properties.liveTraffic()) {
            return;
        }
        var messages = new ArrayList<ObjectNode>();
        if (random.nextDouble() < 0.5) {
            signUp(messages);
        }
        shop(messages);
        ingestion.accept(messages);
    }

    private boolean loaded() {
        var finished = jdbc.queryForObject("select count(*) from demo.run where finished_at is not null", Long.class);
        return finished != null && finished > 0;
    }

    private void signUp(List<ObjectNode> messages) {
        var user = "L" + UUID.randomUUID().toString().substring(0, 8);
        var identify = message("identify", user);
        identify.putObject("traits")
                .put("first_name", NAMES.get(random.nextInt(NAMES.size())))
                .put("email", user.toLowerCase() + "@example.com");
        identify.withObject("context")
                .putObject("consent")
                .putObject("categoryPreferences")
                .put("email", random.nextDouble() < 0.8);
        messages.add(identify);
        var signedUp = message("track", user);
        signedUp.put("event", "Signed Up");
        signedUp.putObject("properties").put("method", "mini-program");
        messages.add(signedUp);
    }

    private void shop(List<ObjectNode> messages) {
        var user = "U" + (100_000 + random.nextInt(Math.max(1, properties.customers())));
        var products = DemoCatalogue.products();
        var product = products.get(random.nextInt(products.size()));
        var roll = random.nextDouble();
        var event = roll < 0.6 ? "Product Viewed" : roll < 0.85 ? "Product Added" : "Order Completed";
        var track = message("track", user);
        track.put("event", event);
        var properties = track.putObject("properties");
        if (event.equals("Order Completed")) {
            properties.put("order_id", "LIVE-" + UUID.randomUUID().toString().substring(0, 8));
            properties.put("total", product.price());
            properties.put("currency", "CNY");
            properties
                    .putArray("products")
                    .addObject()
                    .put("product_id", product.id())
                    .put("name", product.name())
                    .put("price", product.price())
                    .put("quantity", 1);
        } else {
            properties.put("product_id", product.id());
            properties.put("name", product.name());
            properties.put("price", product.price());
            properties.put("category", product.category());
        }
        messages.add(track);
    }

    private ObjectNode message(String type, String user) {
        var message = NODES.objectNode();
        message.put("type", type);
        message.put("messageId", "live-" + UUID.randomUUID());
        message.put("userId", user);
        message.put("timestamp", clock.instant().toString());
        message.putObject("context").putObject("library").put("name", "siyu-demo-live");
        return message;
    }
}
