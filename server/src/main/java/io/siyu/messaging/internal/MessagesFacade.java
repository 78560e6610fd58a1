package io.siyu.messaging.internal;

import io.siyu.customers.CustomerId;
import io.siyu.messaging.Messages;
import io.siyu.messaging.internal.dispatch.SendQueue;
import io.siyu.messaging.internal.dispatch.TestSends;
import io.siyu.messaging.internal.ledger.SendHistory;
import io.siyu.messaging.internal.ledger.SendLedger;
import io.siyu.messaging.internal.templates.MessageTemplate;
import io.siyu.messaging.internal.templates.TemplateContent;
import io.siyu.messaging.internal.templates.Templates;
import io.siyu.messaging.internal.wecom.WecomResults;
import io.siyu.shared.AfterCommit;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The messaging module's {@link Messages}: queue in the caller's transaction, wake the dispatcher after it commits. */
@Component
class MessagesFacade implements Messages {

    private final Templates templates;
    private final SendQueue queue;
    private final TestSends tests;
    private final SendHistory history;
    private final WecomResults wecom;
    private final Clock clock;

    MessagesFacade(
            Templates templates,
            SendQueue queue,
            TestSends tests,
            SendHistory history,
            WecomResults wecom,
            Clock clock) {
        this.templates = templates;
        this.queue = queue;
        this.tests = tests;
        this.history = history;
        this.wecom = wecom;
        this.clock = clock;
    }

    @Override
    public List<Figures> figures(String origin, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("reasons are grouped by one part or more, not " + parts);
        }
        return history.figures(origin, parts);
    }

    @Override
    public Optional<io.siyu.messaging.Channel> channelOf(String key) {
        return templates.findByKey(key).filter(t -> t.archivedAt() == null).map(MessageTemplate::channel);
    }

    @Override
    public void cancelWecom(String reason) {
        // WeCom is asked once the caller's transaction commits, never while it holds its rows
        AfterCommit.run(() -> wecom.cancelFor(reason));
    }

    @Override
    @Transactional
    public boolean ensureTemplate(TemplateSpec spec, String by) {
        if (templates.findByKey(spec.key()).isPresent()) {
            return false;
        }
        templates.create(
                spec.key(),
                spec.channel(),
                new Templates.Draft(
                        spec.name(), spec.purpose(), new TemplateContent(spec.subject(), spec.html(), spec.text())),
                by);
        return true;
    }

    @Override
    public boolean hasTemplate(String key) {
        return templates.findByKey(key).filter(t -> t.archivedAt() == null).isPresent();
    }

    @Override
    public Optional<RenderedMessage> preview(String template, CustomerId customerId, Map<String, Object> variables) {
        return templates.findByKey(template).filter(t -> t.archivedAt() == null).map(found -> {
            var rendered = tests.preview(found.id(), null, customerId.value(), variables);
            var sms = rendered.sms();
            return new RenderedMessage(
                    template,
                    found.channel(),
                    rendered.subject(),
                    rendered.html(),
                    rendered.text(),
                    sms == null ? null : sms.templateCode(),
                    sms == null ? null : sms.parameters());
        });
    }

    @Override
    @Transactional
    public List<Queued> enqueue(List<SendRequest> requests) {
        var now = clock.instant();
        var found = new HashMap<String, MessageTemplate>();
        var violations = new ArrayList<Violation>();
        var sends = new ArrayList<SendLedger.NewSend>();
        for (int i = 0; i < requests.size(); i++) {
            var request = requests.get(i);
            var template = found.computeIfAbsent(
                    request.template(), key -> templates.findByKey(key).orElse(null));
            if (template == null || template.archivedAt() != null) {
                violations.add(new Violation(
                        requests.size() == 1 ? "template" : "[" + i + "].template",
                        "exists",
                        "no template with the key '" + request.template() + "'"
                                + (template == null ? "" : " that is not archived")));
                continue;
            }
            var due = request.notBefore() == null || request.notBefore().isBefore(now) ? now : request.notBefore();
            sends.add(new SendLedger.NewSend(
                    request, template.channel(), template.purpose(), template.id(), template.version(), due));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return queue.enqueue(sends, now);
    }
}
