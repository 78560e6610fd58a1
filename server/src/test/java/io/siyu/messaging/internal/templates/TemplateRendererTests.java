package io.siyu.messaging.internal.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering operators' templates with customers' values: escaped, sanitised, and unable to reach beyond the maps. */
class TemplateRendererTests {

    private final TemplateRenderer renderer = new TemplateRenderer();

    private static TemplateVersion version(String subject, String html, String text) {
        return new TemplateVersion(1, 1, new TemplateContent(subject, html, text), Instant.EPOCH, "test");
    }

    @Test
    void valuesComeFromTheModelAndHtmlIsEscaped() {
        var rendered = renderer.render(
                version("Hi {{customer.first_name}}", "<p>{{customer.first_name}}</p>", "Hi {{customer.first_name}}"),
                Map.of("customer", Map.of("first_name", "<b>Ann</b> & Co")));

        assertThat(rendered.subject()).isEqualTo("Hi <b>Ann</b> & Co");
        assertThat(rendered.text()).isEqualTo("Hi <b>Ann</b> & Co");
        assertThat(rendered.html()).doesNotContain("<b>").contains("&lt;b&gt;Ann");
    }

    @Test
    void scriptsAndHandlersAreRemovedFromHtmlEvenWhenTheTemplateWritesThem() {
        var rendered = renderer.render(
                version(
                        "s",
                        "<p onclick=\"steal()\">Hi</p><script>steal()</script><a href=\"javascript:steal()\">x</a>"
                                + "<img src=\"https://cdn.example.com/a.png\" onerror=\"steal()\">"
                                + "<a href=\"https://shop.example.com/\">shop</a>{{{raw}}}",
                        "t"),
                Map.of("raw", "<iframe src=\"https://evil.example.com\"></iframe>"));

        assertThat(rendered.html())
                .doesNotContain("script", "onclick", "onerror", "javascript:", "iframe")
                .contains("https://cdn.example.com/a.png")
                .contains("href=\"https://shop.example.com/\"");
    }

    @Test
    void aSubjectStaysOneLine() {
        var rendered = renderer.render(version("A {{x}} B", null, "t"), Map.of("x", "line\r\nBcc: victim@example.com"));

        assertThat(rendered.subject()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void javaObjectsInTheModelShowNoMethodsOrProperties() {
        var rendered = renderer.render(
                version("{{list.class.name}}|{{list.size}}|{{list.empty}}", null, "t"), Map.of("list", List.of(1, 2)));

        assertThat(rendered.subject()).isEqualTo("||");
    }

    @Test
    void templatesCannotIncludeFiles() {
        assertThat(TemplateEngine.syntaxError("{{> ../../../../etc/passwd}}")).isEmpty();
        var rendered = org.assertj.core.api.Assertions.catchThrowable(
                () -> renderer.render(version("{{> /etc/passwd}}", null, "t"), Map.of()));

        assertThat(rendered).isNotNull();
        assertThat(rendered.getMessage()).doesNotContain("root:");
    }

    @Test
    void syntaxErrorsAreFoundWhenSaving() {
        var violations = TemplateRules.checkContent(new TemplateContent("{{#if x}}open", null, "ok"));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("subject");
            assertThat(v.rule()).isEqualTo("template-syntax");
        });
    }
}
