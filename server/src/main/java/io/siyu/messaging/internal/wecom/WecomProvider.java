package io.siyu.messaging.internal.wecom;

import io.siyu.customers.ProfileSnapshot;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.Delivery;
import io.siyu.messaging.internal.delivery.Outgoing;
import io.siyu.messaging.internal.delivery.Provider;
import io.siyu.messaging.internal.delivery.ProviderCheck;
import io.siyu.messaging.internal.providers.ProviderSettings;
import io.siyu.messaging.internal.templates.TemplateRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WeCom messages to external contacts: one mass-message task ({@code add_msg_template}, chat type {@code single}) per
 * message, for the staff member who owns the relationship with the customer (their {@code wecom_owner} trait, else the
 * configured default sender). WeCom sends nothing until that staff member confirms the task in WeCom, so a message is
 * "sent" when its task exists; {@link WecomResults} follows the task to its outcome. A customer WeCom lists in
 * {@code fail_list} (not a contact of the sender) is refused for good.
 */
@Component
public class WecomProvider implements Provider {

    private static final Logger LOG = LoggerFactory.getLogger(WecomProvider.class);

    /** The provider's name on the ledger. */
    public static final String NAME = "wecom";

    /** The trait that names the staff member (their WeCom userid) who owns the relationship with the customer. */
    public static final String OWNER_TRAIT = "wecom_owner";

    /** The header that carries the owner from the dispatcher to the provider; never sent anywhere. */
    static final String SENDER = "X-Siyu-WeCom-Sender";

    private final ProviderSettings settings;
    private final WecomClient client;
    private final WecomTasks tasks;
    private final Clock clock;

    WecomProvider(ProviderSettings settings, WecomClient client, WecomTasks tasks, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The headers of a message to a customer, with the staff member who owns the relationship, if the traits name one. */
    public static Map<String, String> withSender(Map<String, String> headers, @Nullable ProfileSnapshot profile) {
        var owner = profile == null ? null : profile.traits().get(OWNER_TRAIT);
        if (!(owner instanceof String name) || name.isBlank()) {
            return headers;
        }
        var with = new LinkedHashMap<>(headers);
        with.put(SENDER, name.strip());
        return with;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured() {
        return settings.wecom().configured();
    }

    @Override
    public ProviderCheck check() {
        return client.check();
    }

    @Override
    public List<Delivery> send(List<Outgoing> messages) {
        var results = new ArrayList<Delivery>();
        for (var message : messages) {
            results.add(send(message));
        }
        return results;
    }

    private Delivery send(Outgoing message) {
        var sender = message.headers().getOrDefault(SENDER, settings.wecom().defaultSender());
        if (sender == null || sender.isBlank()) {
            return Delivery.parked(
                    message.sendId(),
                    "no staff member sends it: the customer has no " + OWNER_TRAIT
                            + " trait and siyu.messaging.wecom.default-sender is not set");
        }
        var text = message.rendered().text();
        if (text.getBytes(StandardCharsets.UTF_8).length > TemplateRules.MAX_WECOM_TEXT_BYTES) {
            return Delivery.rejected(
                    message.sendId(),
                    "the rendered text has more than " + TemplateRules.MAX_WECOM_TEXT_BYTES + " bytes, WeCom's limit");
        }
        var body = Map.of(
                "chat_type",
                "single",
                "external_userid",
                List.of(message.to()),
                "sender",
                sender,
                "text",
                Map.of("content", text));
        try {
            var answer = client.post("/cgi-bin/externalcontact/add_msg_template", body);
            for (var failed : answer.path("fail_list")) {
                if (failed.asString("").equals(message.to())) {
                    return Delivery.rejected(message.sendId(), "not a contact of the staff member " + sender);
                }
            }
            var msgid = answer.path("msgid").asString("");
            if (msgid.isBlank()) {
                return Delivery.retry(message.sendId(), "WeCom answered without a task id");
            }
            if (message.sendId() > 0) {
                tasks.created(message.sendId(), msgid, sender, message.to(), clock.instant());
            }
            return Delivery.sent(message.sendId(), msgid);
        } catch (WecomClient.Refused refused) {
            return refusal(message, sender, refused);
        } catch (WecomClient.Unreachable down) {
            return Delivery.retry(message.sendId(), "WeCom: " + down.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.warn("WeCom task for message {} failed", message.sendId(), unexpected);
            return Delivery.retry(
                    message.sendId(), "WeCom: " + unexpected.getClass().getSimpleName());
        }
    }

    /** WeCom's documented error codes, read as what the message may still become. */
    private static Delivery refusal(Outgoing message, String sender, WecomClient.Refused refused) {
        return switch (refused.code()) {
            case -1 -> Delivery.retry(message.sendId(), "WeCom is busy: " + refused.getMessage());
            case 45009, 45033, 45035 ->
                Delivery.deferred(
                        message.sendId(), "WeCom's rate limit: " + refused.getMessage(), Duration.ofMinutes(1));
            case 40096, 84061 ->
                Delivery.rejected(message.sendId(), "WeCom does not know the contact: " + refused.getMessage());
            case 60111, 40003 ->
                Delivery.parked(
                        message.sendId(),
                        "WeCom does not know the staff member " + sender + ": " + refused.getMessage());
            case 40001, 40013, 40014, 42001, 41001, 48002, 60011, 301002 ->
                Delivery.parked(
                        message.sendId(), "WeCom refuses the credentials or the app's rights: " + refused.getMessage());
            default -> Delivery.retry(message.sendId(), "WeCom: " + refused.getMessage());
        };
    }
}
