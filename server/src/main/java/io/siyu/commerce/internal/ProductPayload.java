package io.siyu.commerce.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.siyu.commerce.Catalogue.ProductDescription;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A product on the wire, in the snake_case names of the Segment e-commerce specification. */
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

    ProductDescription description() {
        return new ProductDescription(
                productId,
                sku,
                name,
                category,
                brand,
                variant,
                price,
                currency,
                stock,
                rating,
                imageUrl,
                url,
                attributes);
    }

    ProductPayload withId(String id) {
        return new ProductPayload(
                id, sku, name, category, brand, variant, price, currency, stock, rating, imageUrl, url, attributes);
    }
}
