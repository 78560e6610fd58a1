package io.siyu.commerce.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.siyu.commerce.Catalogue.ProductDescription;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A product on the wire, in the snake_case names of the Segment e-commerce specification (camelCase accepted too): the
 * body of the catalogue feed's products and of {@code PUT /api/v1/products/{id}}. It is read into the
 * {@link ProductDescription} the catalogue keeps, here and nowhere else.
 */
record ProductPayload(
        @JsonProperty("product_id") @JsonAlias("productId") @Nullable
        String productId,

        @Nullable String sku,
        @Nullable String name,
        @Nullable String category,
        @Nullable String brand,
        @Nullable String variant,
        @Nullable BigDecimal price,
        @Nullable String currency,
        @Nullable Integer stock,
        @Nullable BigDecimal rating,

        @JsonProperty("image_url") @JsonAlias("imageUrl") @Nullable
        String imageUrl,

        @Nullable String url,
        @Nullable Map<String, Object> attributes) {

    /** The product this payload describes, under the id it gives. */
    ProductDescription description() {
        return description(productId);
    }

    /** The product this payload describes, under {@code id} whatever the payload gives (the id in a PUT's path). */
    ProductDescription description(String id) {
        return new ProductDescription(
                id, sku, name, category, brand, variant, price, currency, stock, rating, imageUrl, url, attributes);
    }
}
