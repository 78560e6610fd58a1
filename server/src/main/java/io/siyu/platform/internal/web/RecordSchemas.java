package io.siyu.platform.internal.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * How Siyu's records appear in the OpenAPI description: every component is a required property unless it is
 * {@link Nullable}, and no two records share a schema name.
 *
 * <p>Answers leave out what is null ({@code spring.jackson.default-property-inclusion: non_null}) and requests bind
 * absent and null alike, so "required" says exactly "never null": present in every answer, refused when missing from a
 * request. The console's types are generated from the description, so this is what lets them say a field is always
 * there. An explicit {@code @Schema(requiredMode = ...)} still decides for its component. Two records of one simple
 * name would otherwise be described as one schema, the first one met, and the other's fields silently lost: the second
 * one is refused instead (its operations go undescribed, which {@code OpenApiDescriptionTests} reports) until one of
 * them gets its own {@code @Schema(name = ...)}.
 */
final class RecordSchemas implements ModelConverter {

    private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

    @Override
    public @Nullable Schema<?> resolve(
            AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        var raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (schema == null || !raw.isRecord() || !raw.getPackageName().startsWith("io.siyu")) {
            return schema;
        }
        var name = schema.get$ref() == null
                ? schema.getName()
                : schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        if (name == null) {
            return schema;
        }
        var described = named.putIfAbsent(name, raw);
        if (described != null && !described.equals(raw)) {
            throw new IllegalStateException(
                    "%s and %s are both described as schema %s: name one of them with @Schema(name = ...)"
                            .formatted(described.getName(), raw.getName(), name));
        }
        var model = context.getDefinedModels().getOrDefault(name, schema);
        if (model.getProperties() != null) {
            for (var component : raw.getRecordComponents()) {
                var property = propertyName(component);
                if (model.getProperties().containsKey(property)
                        && !decidedByAnnotation(component)
                        && !component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                        && (model.getRequired() == null || !model.getRequired().contains(property))) {
                    model.addRequiredItem(property);
                }
            }
        }
        return schema;
    }

    private static String propertyName(RecordComponent component) {
        var renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }

    private static boolean decidedByAnnotation(RecordComponent component) {
        var schema = component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && schema.requiredMode() != io.swagger.v3.oas.annotations.media.Schema.RequiredMode.AUTO;
    }
}
