package io.siyu.messaging.internal.templates;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.jknack.handlebars.Template;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders a template version for one customer. The HTML is escaped while rendering and sanitised after it, so neither
 * a template nor a customer's traits can put a script into a message; subject and text are plain text. Compiled
 * versions are kept, since a saved version never changes.
 */
@Component
public class TemplateRenderer {

    /**
     * A rendered message: subject, optional HTML and plain text; for SMS and WeChat what the provider is asked to send;
     * and the link the message opens, if any.
     */
    public record Rendered(
            String subject,
            @Nullable String html,
            String text,
            @Nullable SmsMessage sms,
            @Nullable WechatMessage wechat,
            @Nullable String link) {

        public Rendered(String subject, @Nullable String html, String text) {
            this(subject, html, text, null, null, null);
        }

        public Rendered(String subject, @Nullable String html, String text, @Nullable SmsMessage sms) {
            this(subject, html, text, sms, null, null);
        }

        /** The same message with another subject (a test send's mark). */
        public Rendered withSubject(String newSubject) {
            return new Rendered(newSubject, html, text, sms, wechat, link);
        }
    }

    /**
     * An SMS as the provider takes it: the approved template's code, the signature (empty for the configured one) and
     * the rendered parameter values.
     */
    public record SmsMessage(String templateCode, @Nullable String signName, Map<String, String> parameters) {}

    /** A WeChat message as WeChat takes it: the template's id, the page it opens and the rendered values of its keys. */
    public record WechatMessage(String templateId, @Nullable String page, Map<String, String> parameters) {}

    private final Cache<String, Template> compiled =
            Caffeine.newBuilder().maximumSize(2_000).build();

    public Rendered render(TemplateVersion version, Map<String, Object> model) {
        var key = version.templateId() + "/" + version.version() + "/";
        return render(version.content(), model, source -> compiled.get(key + source.hashCode(), k -> compile(source)));
    }

    /** Renders content that was not saved (a draft being previewed), compiling it afresh. */
    public Rendered renderDraft(TemplateContent content, Map<String, Object> model) {
        return render(content, model, TemplateRenderer::compile);
    }

    private static Rendered render(
            TemplateContent content, Map<String, Object> model, Function<TemplatePart, Template> templates) {
        var subject = TemplateEngine.apply(
                        templates.apply(TemplatePart.text(content.subject() == null ? "" : content.subject())), model)
                .replaceAll("[\\r\\n]+", " ")
                .strip();
        var text = TemplateEngine.apply(templates.apply(TemplatePart.text(content.text())), model);
        var html = content.html() == null
                ? null
                : HtmlPolicy.sanitise(TemplateEngine.apply(templates.apply(TemplatePart.html(content.html())), model));
        var link = content.link() == null || content.link().isBlank()
                ? null
                : TemplateEngine.apply(templates.apply(TemplatePart.text(content.link())), model)
                        .strip();
        if (content.wechat() != null) {
            var wechat = content.wechat();
            var parameters = parameters(wechat.parameters(), model, templates);
            var page = wechat.page() == null || wechat.page().isBlank()
                    ? null
                    : TemplateEngine.apply(templates.apply(TemplatePart.text(wechat.page())), model)
                            .strip();
            return new Rendered(
                    subject.isEmpty() ? wechat.templateId() : subject,
                    null,
                    wording(text, parameters),
                    null,
                    new WechatMessage(wechat.templateId(), page, parameters),
                    link);
        }
        if (content.sms() == null) {
            return new Rendered(subject, html, text, null, null, link);
        }
        var parameters = parameters(content.sms().parameters(), model, templates);
        var sms = new SmsMessage(content.sms().templateCode(), content.sms().signName(), parameters);
        return new Rendered(subject.isEmpty() ? sms.templateCode() : subject, null, wording(text, parameters), sms);
    }

    /** The values of a provider template's parameters, each rendered as one line of plain text. */
    private static Map<String, String> parameters(
            Map<String, String> sources, Map<String, Object> model, Function<TemplatePart, Template> templates) {
        var parameters = new java.util.LinkedHashMap<String, String>();
        sources.forEach((name, source) -> parameters.put(
                name,
                TemplateEngine.apply(templates.apply(TemplatePart.text(source)), model)
                        .replaceAll("\\s+", " ")
                        .strip()));
        return parameters;
    }

    /** The provider's wording with its {@code ${name}} parameters filled: what the customer reads. */
    private static String wording(String text, Map<String, String> parameters) {
        return TemplateRules.WORDING_PARAMETER
                .matcher(text)
                .replaceAll(
                        m -> java.util.regex.Matcher.quoteReplacement(parameters.getOrDefault(m.group(1), m.group())));
    }

    private static Template compile(TemplatePart part) {
        return part.html() ? TemplateEngine.compileHtml(part.source()) : TemplateEngine.compileText(part.source());
    }

    private record TemplatePart(String source, boolean html) {
        static TemplatePart text(String source) {
            return new TemplatePart(source, false);
        }

        static TemplatePart html(String source) {
            return new TemplatePart(source, true);
        }
    }
}
