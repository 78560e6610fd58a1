package io.siyu.messaging.internal.templates;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Handlebars as operators' templates may use it: values come only from the maps Siyu builds (never from methods of
 * Java objects), no template is read from files or the class path, and output is HTML-escaped unless the part is
 * plain text. Compiling is checked at save time, so rendering a saved template does not fail on syntax.
 */
public final class TemplateEngine {

    private static final Handlebars HTML = new Handlebars(new NoFiles());
    private static final Handlebars TEXT = new Handlebars(new NoFiles()).with(EscapingStrategy.NOOP);

    private TemplateEngine() {}

    /** A template part's syntax error as a sentence with its line and column, empty when it compiles. */
    public static Optional<String> syntaxError(String source) {
        try {
            HTML.compileInline(source);
            return Optional.empty();
        } catch (HandlebarsException e) {
            return Optional.of(e.getError() == null ? e.getMessage() : e.getError().message);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    static Template compileHtml(String source) {
        return compile(HTML, source);
    }

    static Template compileText(String source) {
        return compile(TEXT, source);
    }

    static String apply(Template template, Map<String, Object> model) {
        var context =
                Context.newBuilder(model).resolver(MapValueResolver.INSTANCE).build();
        try {
            return template.apply(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            context.destroy();
        }
    }

    private static Template compile(Handlebars handlebars, String source) {
        try {
            return handlebars.compileInline(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Partials are never loaded from anywhere: a template names none that Siyu would read from disk. */
    private static final class NoFiles extends AbstractTemplateLoader {
        @Override
        public TemplateSource sourceAt(String location) throws IOException {
            throw new FileNotFoundException("templates cannot include other templates: " + location);
        }
    }
}
