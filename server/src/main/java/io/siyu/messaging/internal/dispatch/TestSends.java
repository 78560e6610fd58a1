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
        return template.channel() == Channel.SMS
                ? composer.compose(-1L, Channel.SMS, template.purpose(), rendered, false)
                        .rendered()
                : rendered;
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
        var test = new TemplateRenderer.Rendered(
                "[TEST] " + rendered.subject(), rendered.html(), rendered.text(), rendered.sms());
        var composed = composer.compose(sendId, template.channel(), template.purpose(), test, false);
        var provider = providers.of(template.channel());
        var masked =
                template.channel() == Channel.SMS ? PersonalData.maskPhone(address) : PersonalData.maskEmail(address);
        var delivery = provider.send(java.util.List.of(
                        new Outgoing(sendId, address, masked, composed.rendered(), composed.headers())))
                .getFirst();
        return new TestResult(provider.name(), delivery.status(), delivery.detail());
    }

    /** The address a test send goes to: an e-mail address, or for SMS a phone number (in E.164). */
    private static String address(Channel channel, @Nullable String to) {
        if (channel == Channel.SMS) {
            var phone = to == null ? null : AlibabaSmsProvider.e164(to.replaceAll("[\\s-]", ""));
            if (phone == null) {
                throw new InvalidInputException("to", "phone", "must be a phone number, as +8613812345678");
            }
            return phone;
        }
        if (to == null || !PersonalData.isEmailAddress(to)) {
            throw new InvalidInputException("to", "email", "must be an e-mail address");
        }
        return to;
    }

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
