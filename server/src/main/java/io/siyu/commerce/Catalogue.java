package io.siyu.commerce;

import io.siyu.shared.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The shop's product catalogue as the shop's backend or an operator maintains it. */
public interface Catalogue {

    /** A product as the shop describes it; {@code productId} identifies it, the rest replaces what was known. */
    record ProductDescription(
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
            @Nullable String imageUrl,
            @Nullable String url,
            @Nullable Map<String, Object> attributes) {}

    /** The rules a product description breaks, each naming its field. */
    List<Violation> check(ProductDescription product);

    /** Creates or replaces products; the caller has checked them. */
    void upsert(List<ProductDescription> products);
}
