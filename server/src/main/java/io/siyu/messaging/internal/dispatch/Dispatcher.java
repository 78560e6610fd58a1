package io.siyu.messaging.internal.dispatch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.siyu.customers.ContactPoints;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.Delivery;
import io.siyu.messaging.internal.delivery.MessagingProperties;
import io.siyu.messaging.internal.delivery.Outgoing;
import io.siyu.messaging.internal.delivery.Providers;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.messaging.internal.ledger.SendLedger.Claimed;
import io.siyu.messaging.internal.ledger.SendLedger.Settlement;
import io.siyu.messaging.internal.ledger.SendState;
import io.siyu.messaging.internal.respect.ContactLimits;
import io.siyu.messaging.internal.templates.TemplateRenderer;
import io.siyu.messaging.internal.templates.TemplateVersion;
import io.siyu.messaging.internal.templates.Templates;
import io.siyu.messaging.internal.tracking.TrackingEvents;
import io.siyu.messaging.internal.wechat.SubscriptionGrants;
import io.siyu.shared.Drain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what the ledger holds. A pass claims a batch, decides, renders, sends and settles it; {@link #drain} runs
 * passes on several workers until nothing is due. Only one drain runs in a process at a time; a wake-up during a drain
 * makes it look again before it ends, so nothing queued waits for the next second's poll.
 */
@Component
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** Why a message waits while its provider's rate limit is reached, as the ledger records it. */
    public static final String RATE_LIMIT = "rate-limit";

    private final SendLedger ledger;
    private final Admission admission;
    private final Composition composition;
    private final Providers providers;
    private final SubscriptionGrants grants;
    private final MessagingProperties properties;
    private final Clock clock;
    private final Drain drain = new Drain("siyu-dispatch-wake", this::drainOnce);

    Dispatcher(
            SendLedger ledger,
            Admission admission,
            Composition composition,
            Providers providers,
            SubscriptionGrants grants,
            MessagingProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.admission = admission;
        this.composition = composition;
        this.providers = providers;
        this.grants = grants;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends everything due now; returns how many messages were settled. */
    public int drain() {
        return drain.run();
    }

    /** Asks for a drain soon, without waiting for it. */
    public void wake() {
        drain.wake();
    }

    /** Queues again what a dead dispatcher left claimed; returns how many. */
    public int requeueAbandoned() {
        var requeued =
                ledger.requeueAbandoned(clock.instant(), properties.dispatch().inFlightTimeout());
        if (requeued > 0) {
            LOG.warn("{} messages claimed by a dispatcher that did not finish are queued again", requeued);
        }
        return requeued;
    }

    private int drainOnce() {
        var workers = Math.max(1, properties.dispatch().workers());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < workers; i++) {
                results.add(executor.submit(() -> {
                    var total = 0;
                    for (int n = pass(); n > 0; n = pass()) {
                        total += n;
                    }
                    return total;
                }));
            }
            var total = 0;
            for (var result : results) {
                try {
                    total += result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.error(
                            "A dispatcher failed; its claimed messages are queued again after the in-flight timeout",
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return total;
                }
            }
            return total;
        }
    }

    /**
     * One batch: claim, decide (address, suppression, consent; then quiet hours and the contact budget), render, send,
     * settle, record. Returns how many rows were claimed.
     */
    int pass() {
        var now = clock.instant();
        var claimed = ledger.claim(properties.dispatch().batch(), now);
        if (claimed.isEmpty()) {
            return 0;
        }
        var decision = admission.decide(claimed, now);
        ledger.hold(decision.heldForQuiet(), ContactLimits.QUIET_HOURS);
        ledger.hold(decision.heldForCap(), ContactLimits.FREQUENCY_CAP);
        var settlements = new ArrayList<Settlement>(decision.skipped());
        var outgoing = new HashMap<Channel, List<Outgoing>>();
        var contacts = new HashMap<Long, ContactPoints>();
        var byId = new HashMap<Long, Claimed>();
        for (var admitted : decision.admitted()) {
            var row = admitted.row();
            byId.put(row.id(), row);
            contacts.put(row.id(), admitted.contact());
            outgoing.computeIfAbsent(row.channel(), c -> new ArrayList<>())
                    .add(composition.outgoing(row, admitted.profile(), admitted.contact()));
        }
        var subscribe = outgoing.get(Channel.WECHAT_SUBSCRIBE);
        if (subscribe != null) {
            subscribe.removeIf(message -> {
                var contact = contacts.get(message.sendId());
                if (takeSubscription(message, contact)) {
                    return false;
                }
                var row = byId.get(message.sendId());
                settlements.add(new Settlement(
                        row.id(),
                        SendState.SKIPPED,
                        SubscriptionGrants.NO_SUBSCRIPTION,
                        null,
                        row.channel().maskedAddressOf(contact),
                        null,
                        null,
                        null));
                return true;
            });
        }
        var sentEvents = new ArrayList<TrackingEvents.Event>();
        var limited = new HashMap<Long, Instant>();
        outgoing.forEach((channel, all) -> {
            var allowance = providers.allow(channel, all, now);
            allowance.later().forEach((message, at) -> limited.put(message.sendId(), at));
            var messages = allowance.now();
            if (messages.isEmpty()) {
                return;
            }
            var provider = providers.of(channel);
            var subjects = messages.stream()
                    .collect(
                            Collectors.toMap(Outgoing::sendId, m -> m.rendered().subject()));
            for (var delivery : provider.send(messages)) {
                var row = byId.get(delivery.sendId());
                var contact = contacts.get(delivery.sendId());
                settlements.add(settlement(
                        row,
                        delivery,
                        row.channel().maskedAddressOf(contact),
                        composition.recipientKey(row.channel().addressOf(contact)),
                        provider.name(),
                        subjects,
                        now));
                if (delivery.status() == Delivery.Status.SENT) {
                    sentEvents.add(composition.sentEvent(row, contact, provider.name(), now));
                } else if (channel == Channel.WECHAT_SUBSCRIBE && delivery.status() != Delivery.Status.REJECTED) {
                    returnSubscription(messages, delivery.sendId(), contact);
                }
            }
        });
        ledger.hold(limited, RATE_LIMIT);
        // settled before the sent events are recorded: a message the provider took is never queued again because
        // recording its event failed
        ledger.settle(settlements, clock.instant());
        try {
            composition.record(sentEvents);
        } catch (RuntimeException e) {
            LOG.error("{} messages were sent, but their 'sent' events could not be recorded", sentEvents.size(), e);
        }
        return claimed.size();
    }

    /**
     * Takes the subscription a subscribe message needs before WeChat is asked: a customer without one is not asked of
     * WeChat at all. A message without a WeChat template takes none (its provider parks it).
     */
    private boolean takeSubscription(Outgoing message, ContactPoints contact) {
        var wechat = message.rendered().wechat();
        return wechat == null || grants.take(contact.customerId(), wechat.templateId());
    }

    /** Gives back the subscription of a message that did not go and may go later; one WeChat refused spent it. */
    private void returnSubscription(List<Outgoing> messages, long sendId, ContactPoints contact) {
        messages.stream()
                .filter(m -> m.sendId() == sendId && m.rendered().wechat() != null)
                .findFirst()
                .ifPresent(m -> grants.giveBack(
                        contact.customerId(), m.rendered().wechat().templateId()));
    }

    private Settlement settlement(
            Claimed row,
            Delivery delivery,
            String address,
            String recipientKey,
            String provider,
            Map<Long, String> subjects,
            Instant now) {
        var subject = subjects.get(row.id());
        return switch (delivery.status()) {
            case SENT ->
                new Settlement(
                        row.id(),
                        SendState.SENT,
                        null,
                        null,
                        address,
                        provider,
                        delivery.providerMessageId(),
                        subject,
                        recipientKey,
                        true);
            case DEFERRED ->
                new Settlement(
                        row.id(),
                        SendState.QUEUED,
                        "waiting: " + delivery.detail(),
                        now.plus(delivery.retryAfter()),
                        address,
                        provider,
                        null,
                        subject,
                        null,
                        false);
            case PARKED ->
                new Settlement(row.id(), SendState.PARKED, delivery.detail(), null, address, provider, null, subject);
            case REJECTED ->
                new Settlement(row.id(), SendState.FAILED, delivery.detail(), null, address, provider, null, subject);
            case RETRY -> {
                var dispatch = properties.dispatch();
                var next = Retries.next(row.attempts(), dispatch.maxAttempts(), dispatch.firstRetry(), now);
                if (next.isEmpty()) {
                    yield new Settlement(
                            row.id(),
                            SendState.PARKED,
                            "gave up after " + row.attempts() + " attempts: " + delivery.detail(),
                            null,
                            address,
                            provider,
                            null,
                            subject);
                }
                yield new Settlement(
                        row.id(),
                        SendState.QUEUED,
                        "attempt " + row.attempts() + " failed: " + delivery.detail(),
                        next.get(),
                        address,
                        provider,
                        null,
                        subject);
            }
        };
    }

    /** Rendering and recording for the dispatcher, with the template versions it has seen kept. */
    @Component
    static class Composition {

        private final Templates templates;
        private final TemplateRenderer renderer;
        private final MessageComposer composer;
        private final TrackingEvents events;
        private final Cache<String, TemplateVersion> versions = Caffeine.newBuilder()
                .maximumSize(1_000)
                .expireAfterAccess(Duration.ofHours(1))
                .build();

        Composition(Templates templates, TemplateRenderer renderer, MessageComposer composer, TrackingEvents events) {
            this.templates = templates;
            this.renderer = renderer;
            this.composer = composer;
            this.events = events;
        }

        Outgoing outgoing(Claimed row, io.siyu.customers.ProfileSnapshot profile, ContactPoints contact) {
            var version = versions.get(
                    row.templateId() + "/" + row.templateVersion(),
                    k -> templates.version(row.templateId(), row.templateVersion()));
            var model = composer.model(profile, row.variables(), composer.unsubscribeUrl(row.id()));
            var composed =
                    composer.compose(row.id(), row.channel(), row.purpose(), renderer.render(version, model), true);
            return new Outgoing(
                    row.id(),
                    row.channel().addressOf(contact),
                    row.channel().maskedAddressOf(contact),
                    composed.rendered(),
                    row.channel() == Channel.WECOM
                            ? io.siyu.messaging.internal.wecom.WecomProvider.withSender(composed.headers(), profile)
                            : composed.headers());
        }

        String recipientKey(String address) {
            return composer.recipientKey(address);
        }

        TrackingEvents.Event sentEvent(Claimed row, ContactPoints contact, String provider, Instant at) {
            var properties = new java.util.LinkedHashMap<String, Object>();
            properties.put("send_id", row.id());
            properties.put("channel", row.channel().category());
            properties.put("purpose", row.purpose().value());
            properties.put("template_id", row.templateId());
            properties.put("template_version", row.templateVersion());
            properties.put("provider", provider);
            return new TrackingEvents.Event(
                    "siyu-sent-" + row.id(),
                    contact.addressedAs(),
                    TrackingEvents.sent(row.channel()),
                    at,
                    properties,
                    null);
        }

        void record(List<TrackingEvents.Event> sent) {
            events.record(sent);
        }
    }
}
