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

    /** A rendered message: subject, optional HTML and plain text. */
    public record Rendered(String subject, @Nullable String html, String text) {}

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
        var subject = TemplateEngine.apply(templates.apply(TemplatePart.text(content.subject())), model)
                .replaceAll("[\\r\\n]+", " ")
                .strip();
        var text = TemplateEngine.apply(templates.apply(TemplatePart.text(content.text())), model);
        var html = content.html() == null
                ? null
                : HtmlPolicy.sanitise(TemplateEngine.apply(templates.apply(TemplatePart.html(content.html())), model));
        return new Rendered(subject, html, text);
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
