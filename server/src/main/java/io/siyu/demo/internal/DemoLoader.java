package io.siyu.demo.internal;

import io.siyu.commerce.Catalogue;
import io.siyu.ingest.Ingestion;
import io.siyu.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo brand once into an installation that runs with the demo on: the catalogue through
 * {@link Catalogue}, the customers' messages through {@link Ingestion}, in the background so that the console is
 * usable while the numbers grow.
 */
@Component
class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final int CHUNK = 2_000;

    private final DemoProperties properties;
    private final Ingestion ingestion;
    private final Catalogue catalogue;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoLoader(DemoProperties properties, Ingestion ingestion, Catalogue catalogue, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.ingestion = ingestion;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        if (!properties.enabled()) {
            return;
        }
        var loaded = jdbc.queryForObject("select count(*) from demo.run where finished_at is not null", Long.class);
        if (loaded != null && loaded > 0) {
            log.info("demo brand already loaded; sign in at {} as admin / welcome-siyu", properties.publicUrl());
            return;
        }
        Thread.ofPlatform().name("siyu-demo-loader").daemon(true).start(() -> {
            try {
                load(LocalDate.now(clock.withZone(properties.timeZone())));
            } catch (RuntimeException e) {
                log.error("loading the demo brand failed; restart to try again", e);
            }
        });
    }

    /** Generates and loads the demo brand ending the day before {@code endDate}; returns the number of messages. */
    long load(LocalDate endDate) {
        var started = clock.instant();
        var settings =
                new DemoGenerator.Settings(properties.seed(), endDate, properties.customers(), properties.timeZone());
        jdbc.update("""
                insert into demo.run (seed, end_date, customers, messages, started_at) values (?, ?, ?, 0, ?)
                on conflict (seed, end_date) do update set started_at = excluded.started_at""", settings.seed(), endDate, settings.customers(), Timestamps.of(started));
        log.info("loading the demo brand 花间集: {} customers over the year to {}", settings.customers(), endDate);
        var generator = new DemoGenerator(settings);
        catalogue.upsert(generator.products().stream()
                .map(p -> new Catalogue.ProductDescription(
                        p.id(),
                        p.id(),
                        p.name(),
                        p.category(),
                        p.brand(),
                        null,
                        p.price(),
                        "CNY",
                        p.stock(),
                        java.math.BigDecimal.valueOf(p.rating()),
                        null,
                        "https://shop.example.com/products/" + p.id(),
                        Map.of("line", p.category())))
                .toList());
        var chunk = new ArrayList<ObjectNode>(CHUNK + 200);
        long messages = 0;
        var nextReport = settings.customers() / 10;
        for (int index = 0; index < settings.customers(); index++) {
            chunk.addAll(generator.customer(index));
            if (chunk.size() >= CHUNK) {
                messages += send(chunk);
            }
            if (index + 1 == nextReport) {
                log.info(
                        "demo brand: {} of {} customers sent ({} messages)", index + 1, settings.customers(), messages);
                nextReport += settings.customers() / 10;
            }
        }
        messages += send(chunk);
        while (ingestion.queued() > 0) {
            ingestion.applyQueued();
        }
        jdbc.update(
                "update demo.run set messages = ?, finished_at = ? where seed = ? and end_date = ?",
                messages,
                Timestamps.of(clock.instant()),
                settings.seed(),
                endDate);
        var took = Duration.between(started, clock.instant());
        log.info(
                "demo brand 花间集 ready: {} customers, {} messages in {} s",
                settings.customers(),
                messages,
                took.toSeconds());
        log.info(
                "sign in at {} as admin / welcome-siyu (also marketer, analyst, community, service)",
                properties.publicUrl());
        return messages;
    }

    private long send(List<ObjectNode> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        var report = ingestion.accept(chunk);
        if (report.rejected() > 0) {
            log.warn(
                    "demo brand: {} generated messages were rejected, first: {}",
                    report.rejected(),
                    report.violations().getFirst());
        }
        var sent = chunk.size();
        chunk.clear();
        // keep the queue short so that the console shows the brand filling up rather than waiting for the end
        while (ingestion.queued() > 20_000) {
            pause();
        }
        return sent;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
