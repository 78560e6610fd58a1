package io.siyu.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How records become schemas: required unless nullable, and one schema name per record. */
class RecordSchemasTests {

    record Order(
            String orderId,
            long total,
            @Nullable String coupon,
            List<String> lines,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            String note) {}

    static class First {
        record Category(String name) {}
    }

    static class Second {
        record Category(long id) {}
    }

    static ModelConverters converters() {
        var converters = new ModelConverters(true);
        converters.addConverter(new RecordSchemas());
        return converters;
    }

    @Test
    void everyComponentButTheNullableOnesIsRequired() {
        var schemas = converters().readAll(new AnnotatedType(Order.class));

        assertThat(schemas.get("Order").getRequired()).containsExactlyInAnyOrder("orderId", "total", "lines");
        assertThat(schemas.get("Order").getProperties()).containsKeys("coupon", "note");
    }

    @Test
    void twoRecordsOfOneNameAreRefused() {
        var converters = converters();
        converters.readAll(new AnnotatedType(First.Category.class));

        assertThatThrownBy(() -> converters.readAll(new AnnotatedType(Second.Category.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both described as schema Category");
    }
}
