package io.siyu.messaging.internal.dispatch;

import io.siyu.customers.CustomerId;
import io.siyu.customers.Profiles;
import io.siyu.messaging.Channel;
import io.siyu.messaging.internal.delivery.AlibabaSmsProvider;
import io.siyu.messaging.internal.delivery.Delivery;
import io.siyu.messaging.internal.delivery.Outgoing;
import io.siyu.messaging.internal.delivery.Providers;
import io.siyu.messaging.internal.templates.MessageTemplate;
import io.siyu.messaging.internal.templates.TemplateContent;
import io.siyu.messaging.internal.templates.TemplateRenderer;
import io.siyu.messaging.internal.templates.Templates;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.PersonalData;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Previews and test sends of a template: rendered as one real customer would get it (or with no customer), the saved
 * version or a draft. A test send goes straight to the channel's provider, to the address an operator gives, marked
 * as a test in its subject; it has no ledger row and no tracking.
 */
@Component
public class TestSends {

    private final Templates templates;
    private final TemplateRenderer renderer;
    private final MessageComposer composer;
    private final Profiles profiles;
    private final Providers providers;

    TestSends(
            Templates templates,
            TemplateRenderer renderer,
            MessageComposer composer,
            Profiles profiles,
            Providers providers) {
        this.templates = templates;
        this.renderer = renderer;
        this.composer = composer;
        this.profiles = profiles;
        this.providers = providers;
    }

    /** Renders a template (its saved version, or {@code draft}) for a customer, as the dispatcher would. */
    public TemplateRenderer.Rendered preview(
            long templateId, @Nullable TemplateContent draft, @Nullable Long customerId, Map<String, Object> data) {
        var template = templates.get(templateId);
        var rendered = render(template, draft, customerId, data, -1L);
        return template.channel() == Channel.EMAIL
                ? rendered
                : composer.compose(-1L, template.channel(), template.purpose(), rendered, false)
                        .rendered();
    }

    /** What became of a test send. */
    public record TestResult(
            String provider,
            Delivery.Status status,
            @Nullable String detail) {}

    public TestResult send(
            long templateId,
            String to,
            @Nullable TemplateContent draft,
            @Nullable Long customerId,
            Map<String, Object> data) {
        var template = templates.get(templateId);
        var address = address(template.channel(), to);
        var sendId = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        var rendered = render(template, draft, customerId, data, sendId);
        var test = rendered.withSubject("[TEST] " + rendered.subject());
        var composed = composer.compose(sendId, template.channel(), template.purpose(), test, false);
        var provider = providers.of(template.channel());
        var masked = template.channel().mask(address);
        var delivery = provider.send(java.util.List.of(
                        new Outgoing(sendId, address, masked, composed.rendered(), composed.headers())))
                .getFirst();
        return new TestResult(provider.name(), delivery.status(), delivery.detail());
    }

    /**
     * The address a test send goes to: an e-mail address; for SMS a phone number (in E.164); for WeChat the openid of
     * a test account; for push the JPush registration id of a test device; for the inbox the id of a customer whose
     * inbox gets it.
     */
    private static String address(Channel channel, @Nullable String to) {
        var given = to == null ? "" : to.strip();
        return switch (channel) {
            case SMS -> {
                var phone = AlibabaSmsProvider.e164(given.replaceAll("[\\s-]", ""));
                if (phone == null) {
                    throw new InvalidInputException("to", "phone", "must be a phone number, as +8613812345678");
                }
                yield phone;
            }
            case EMAIL -> {
                if (!PersonalData.isEmailAddress(given)) {
                    throw new InvalidInputException("to", "email", "must be an e-mail address");
                }
                yield given;
            }
            case WECHAT_SUBSCRIBE, WECHAT_TEMPLATE -> {
                if (!OPENID.matcher(given).matches()) {
                    throw new InvalidInputException(
                            "to", "openid", "must be the openid of a WeChat account, 10 to 64 letters, digits, - or _");
                }
                yield given;
            }
            case PUSH -> {
                if (!REGISTRATION_ID.matcher(given).matches()) {
                    throw new InvalidInputException(
                            "to",
                            "registration-id",
                            "must be the JPush registration id of a test device, 10 to 64 letters and digits");
                }
                yield given;
            }
            case WECOM -> {
                if (!OPENID.matcher(given).matches()) {
                    throw new InvalidInputException(
                            "to",
                            "external-userid",
                            "must be the external_userid of a WeCom contact, 10 to 64 letters, digits, - or _");
                }
                yield given;
            }
            case INBOX -> {
                if (!given.matches("[1-9][0-9]{0,17}")) {
                    throw new InvalidInputException("to", "customer-id", "must be the id of a customer");
                }
                yield given;
            }
        };
    }

    private static final java.util.regex.Pattern OPENID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{10,64}");
    private static final java.util.regex.Pattern REGISTRATION_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9]{10,64}");

    private TemplateRenderer.Rendered render(
            MessageTemplate template,
            @Nullable TemplateContent draft,
            @Nullable Long customerId,
            Map<String, Object> data,
            long sendId) {
        var profile = customerId == null
                ? null
                : profiles.snapshots(java.util.List.of(CustomerId.of(customerId))).stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("customer", customerId));
        var model = composer.model(profile, data, composer.unsubscribeUrl(Math.abs(sendId)));
        if (draft != null) {
            var violations = templates.checkContent(template.channel(), template.purpose(), draft);
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            return renderer.renderDraft(draft, model);
        }
        return renderer.render(templates.version(template.id(), template.version()), model);
    }
}
