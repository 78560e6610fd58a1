package io.siyu.commerce.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.siyu.commerce.Catalogue.ProductDescription;
import java.math.BigDecimal;
import java.util.Map;

/** A product on the wire, in the snake_case names of the Segment e-commerce specification. */
record ProductPayload(
        @JsonProperty("product_id") @JsonAlias("productId") String productId,
        String sku,
        String name,
        String category,
        String brand,
        String variant,
        BigDecimal price,
        String currency,
        Integer stock,
        BigDecimal rating,
        @JsonProperty("image_url") @JsonAlias("imageUrl") String imageUrl,
        String url,
        Map<String, Object> attributes) {

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
