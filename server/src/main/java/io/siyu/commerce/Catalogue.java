package io.siyu.commerce;

import io.siyu.commerce.internal.CommerceFacade;
import io.siyu.shared.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's product catalogue as the shop's backend or an operator maintains it. */
@Service
public class Catalogue {

    private final CommerceFacade facade;

    Catalogue(CommerceFacade facade) {
        this.facade = facade;
    }

    /** A product as the shop describes it; {@code productId} identifies it, the rest replaces what was known. */
    public record ProductDescription(
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
    public List<Violation> check(ProductDescription product) {
        return facade.check(product);
    }

    /** Creates or replaces products; the caller has checked them. */
    @Transactional
    public void upsert(List<ProductDescription> products) {
        facade.upsert(products);
    }
}
