package io.siyu.platform.internal.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.siyu.shared.InputRules;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.LongText;
import io.siyu.shared.Utf8;
import io.siyu.shared.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the JSON bodies of Siyu's endpoints are read: every text within {@link InputRules}, numbers finite and exact,
 * no {@code null} inside a list.
 *
 * <p>A body is first read as a tree and checked as a whole, so that a rule broken deep inside a segment definition is
 * named by its path ({@code definition.condition.value}) before any handler sees it; then it is bound to the
 * handler's type from that tree, so the body is parsed once; it must be well-formed UTF-8 (overlong forms
 * and encoded surrogates refused, see {@link Utf8}) unless it declares another charset. Decimals are read as {@code BigDecimal} (a double would turn {@code 1e131072}
 * into infinity), and a list refuses {@code null} items instead of handing them to code that cannot expect them. The
 * mapper of answers and of stored JSON is not changed.
 */
@Configuration(proxyBeanMethods = false)
class RequestJson {

    private static final int MAX_LISTED = 20;
    private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer requestJsonConverter(JsonMapper json) {
        return builder -> builder.withJsonConverter(new Converter(json));
    }

    static final class Converter extends JacksonJsonHttpMessageConverter {

        Converter(JsonMapper json) {
            super(json.rebuild()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .withConfigOverride(List.class, RequestJson::noNullItems)
                    .withConfigOverride(Set.class, RequestJson::noNullItems)
                    .withConfigOverride(Collection.class, RequestJson::noNullItems)
                    .build());
        }

        @Override
        public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
            var bytes = input.getBody().readAllBytes();
            var contentType = input.getHeaders().getContentType();
            if (contentType == null
                    || contentType.getCharset() == null
                    || contentType.getCharset().equals(StandardCharsets.UTF_8)) {
                Utf8.check(bytes).ifPresent(violation -> {
                    throw new InvalidInputException(List.of(violation));
                });
            }
            JsonNode tree;
            try {
                tree = getMapper().readTree(bytes);
            } catch (JacksonException e) {
                throw new HttpMessageNotReadableException("the body is not well-formed JSON", e, input);
            }
            var violations = new ArrayList<Violation>();
            check(tree, "", longTexts(type.resolve()), violations);
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
            try {
                return getMapper()
                        .readerFor(getMapper().constructType(type.getType()))
                        .readValue(tree);
            } catch (InvalidDefinitionException e) {
                throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
            } catch (JacksonException e) {
                throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
            }
        }
    }

    private static void noNullItems(tools.jackson.databind.cfg.MutableConfigOverride override) {
        override.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }

    /** The top-level components of a request record that may hold long texts, with their limits. */
    static Map<String, Integer> longTexts(Class<?> type) {
        if (type == null || !type.isRecord()) {
            return Map.of();
        }
        var limits = new java.util.HashMap<String, Integer>();
        for (var component : type.getRecordComponents()) {
            var longText = component.getAnnotation(LongText.class);
            if (longText != null) {
                limits.put(component.getName(), longText.max());
            }
        }
        return limits;
    }

    static void check(JsonNode node, String path, List<Violation> violations) {
        check(node, path, Map.of(), violations);
    }

    /**
     * Collects the broken rules of a tree, at most {@value #MAX_LISTED} of them; the top-level texts named in
     * {@code longTexts} may be as long as given there.
     */
    static void check(JsonNode node, String path, Map<String, Integer> longTexts, List<Violation> violations) {
        if (node == null || violations.size() >= MAX_LISTED) {
            return;
        }
        if (node.isString()) {
            var max = longTexts.getOrDefault(path, InputRules.MAX_TEXT_LENGTH);
            add(violations, InputRules.check(field(path), node.asString(), max));
        } else if (node.isNumber() && node.decimalValue().abs().compareTo(MAX_DOUBLE) > 0) {
            violations.add(new Violation(field(path), "range", "must be a number within the range of a double"));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", Map.of(), violations);
            }
        } else if (node.isObject()) {
            for (var property : node.properties()) {
                var child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                var name =
                        InputRules.check(path.isEmpty() ? "body" : path, property.getKey(), InputRules.MAX_TEXT_LENGTH);
                if (name != null) {
                    violations.add(
                            new Violation(name.field(), name.rule(), "has a property name that " + name.detail()));
                    continue;
                }
                check(property.getValue(), child, path.isEmpty() ? longTexts : Map.of(), violations);
            }
        }
    }

    private static String field(String path) {
        return path.isEmpty() ? "body" : path;
    }

    private static void add(List<Violation> violations, Violation violation) {
        if (violation != null) {
            violations.add(violation);
        }
    }
}
