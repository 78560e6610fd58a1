package io.siyu.messaging.internal.inbox;

import io.siyu.customers.CustomerId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox's server-sent-events streams: each open stream gets every message that comes for its customer, as an event
 * whose id is the message's id, so a client that reconnects with {@code Last-Event-ID} misses none. A message put into
 * the inbox by this process is pushed at once; one put by another process sharing the database arrives with the next
 * look, every {@link #LOOK_EVERY}. A comment every {@link #HEARTBEAT} keeps proxies from closing an idle stream. A
 * stream ends when the token that opened it expires, and the app opens a new one with a fresh token.
 */
@Component
public class InboxStream implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxStream.class);

    static final Duration LOOK_EVERY = Duration.ofSeconds(2);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    /** Streams one customer may hold open at once (a phone, a tablet, a web page...). */
    public static final int PER_CUSTOMER = 5;
    /** Streams this process holds open at once. */
    public static final int PER_PROCESS = 20_000;

    private static final int REPLAY = 100;

    private final InboxStore store;
    private final Clock clock;
    private final Map<Long, Set<Listener>> byCustomer = new ConcurrentHashMap<>();
    private final AtomicLong open = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean looking = new AtomicBoolean();
    private @Nullable ScheduledExecutorService ticker;

    InboxStream(InboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Why a stream was not opened. */
    public static final class TooManyStreams extends RuntimeException {
        private final boolean perCustomer;

        TooManyStreams(boolean perCustomer) {
            super(perCustomer ? "too many open inbox streams for this customer" : "too many open inbox streams");
            this.perCustomer = perCustomer;
        }

        /** True when the customer holds too many; false when the process does. */
        public boolean perCustomer() {
            return perCustomer;
        }
    }

    private record Listener(SseEmitter emitter, AtomicLong lastId) {}

    /**
     * Opens a stream for a customer until {@code until}: first the messages after {@code lastEventId} that the client
     * missed (at most 100), then each new one as it comes.
     */
    public SseEmitter open(CustomerId customer, @Nullable Long lastEventId, Instant until) {
        var listeners = byCustomer.computeIfAbsent(customer.value(), c -> ConcurrentHashMap.newKeySet());
        if (listeners.size() >= PER_CUSTOMER) {
            throw new TooManyStreams(true);
        }
        if (open.incrementAndGet() > PER_PROCESS) {
            open.decrementAndGet();
            throw new TooManyStreams(false);
        }
        var lifetime = Math.max(1_000, Duration.between(clock.instant(), until).toMillis());
        var emitter = new SseEmitter(lifetime);
        var start = lastEventId != null ? lastEventId : newestOf(customer);
        var listener = new Listener(emitter, new AtomicLong(start));
        Runnable close = () -> {
            if (listeners.remove(listener)) {
                open.decrementAndGet();
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        try {
            emitter.send(SseEmitter.event()
                    .name("ready")
                    .data(Map.of("unread", store.unread(customer)), MediaType.APPLICATION_JSON)
                    .reconnectTime(LOOK_EVERY.toMillis()));
        } catch (IOException e) {
            close.run();
            return emitter;
        }
        listeners.add(listener);
        if (lastEventId != null) {
            for (var missed : store.since(Set.of(customer.value()), lastEventId, REPLAY)) {
                push(listener, missed.message());
            }
        }
        return emitter;
    }

    /** Looks for new messages now (after this process put some into the inbox), without waiting for the next look. */
    void poke() {
        var executor = ticker;
        if (executor != null) {
            executor.execute(this::look);
        }
    }

    /** Streams open now, for the console and tests. */
    public long openStreams() {
        return open.get();
    }

    private long newestOf(CustomerId customer) {
        var newest = store.page(customer, null, 1);
        return newest.isEmpty() ? 0 : newest.getFirst().id();
    }

    private void look() {
        if (byCustomer.isEmpty() || !looking.compareAndSet(false, true)) {
            return;
        }
        try {
            var customers = byCustomer.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty())
                    .map(Map.Entry::getKey)
                    .toList();
            if (customers.isEmpty()) {
                return;
            }
            var from = byCustomer.values().stream()
                    .flatMap(Set::stream)
                    .mapToLong(l -> l.lastId().get())
                    .min()
                    .orElse(0);
            for (var arrival : store.since(customers, from, 1_000)) {
                for (var listener : byCustomer.getOrDefault(arrival.customerId(), Set.of())) {
                    push(listener, arrival.message());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not look for new inbox messages; trying again in {}", LOOK_EVERY, e);
        } finally {
            looking.set(false);
        }
    }

    private void push(Listener listener, InboxMessage message) {
        synchronized (listener) {
            if (message.id() <= listener.lastId().get()) {
                return;
            }
            try {
                listener.emitter()
                        .send(SseEmitter.event()
                                .id(Long.toString(message.id()))
                                .name("message")
                                .data(message, MediaType.APPLICATION_JSON));
                listener.lastId().set(message.id());
            } catch (IOException | IllegalStateException e) {
                listener.emitter().completeWithError(e);
            }
        }
    }

    private void heartbeat() {
        for (var listeners : byCustomer.values()) {
            for (var listener : listeners) {
                synchronized (listener) {
                    try {
                        listener.emitter().send(SseEmitter.event().comment("ping"));
                    } catch (IOException | IllegalStateException e) {
                        listener.emitter().completeWithError(e);
                    }
                }
            }
        }
        byCustomer.values().removeIf(Set::isEmpty);
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            var executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("siyu-inbox-stream").daemon().factory());
            executor.scheduleWithFixedDelay(
                    this::look, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            executor.scheduleWithFixedDelay(
                    this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
            ticker = executor;
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            var executor = ticker;
            ticker = null;
            if (executor != null) {
                executor.shutdownNow();
            }
            byCustomer
                    .values()
                    .forEach(listeners -> listeners.forEach(l -> l.emitter().complete()));
            byCustomer.clear();
            open.set(0);
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
