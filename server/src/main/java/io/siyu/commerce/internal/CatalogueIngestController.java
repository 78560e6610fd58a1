package io.siyu.commerce.internal;

import io.siyu.commerce.Catalogue;
import io.siyu.shared.BodyLimit;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop backend's catalogue feed: {@code POST /ingest/v1/products} with up to 1,000 products. Its callers have
 * been authenticated with a write key of scope server before their body is read (the access module's ingestion
 * security), and the body is bounded at 16 MB: a thousand products with rich descriptions and attributes. All or nothing: one invalid product refuses the whole
 * request, listing every broken rule, so that a catalogue sync never half-applies.
 */
@RestController
class CatalogueIngestController {

    static final int MAX_PRODUCTS = 1000;

    private final Catalogue catalogue;

    CatalogueIngestController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    record CatalogueFeed(List<ProductPayload> products) {}

    @PostMapping("/ingest/v1/products")
    @BodyLimit("${siyu.ingest.max-catalogue-size:16MB}")
    ResponseEntity<?> upsert(@RequestBody CatalogueFeed feed) {
        if (feed == null || feed.products() == null || feed.products().isEmpty()) {
            throw new InvalidInputException("products", "required", "must list at least one product");
        }
        if (feed.products().size() > MAX_PRODUCTS) {
            throw new InvalidInputException(
                    "products", "max-items", "must list at most " + MAX_PRODUCTS + " products per request");
        }
        var violations = new ArrayList<Violation>();
        var descriptions = new ArrayList<Catalogue.ProductDescription>();
        for (int i = 0; i < feed.products().size(); i++) {
            var payload = feed.products().get(i);
            if (payload == null) {
                violations.add(new Violation("products[" + i + "]", "required", "must be a product object"));
                continue;
            }
            var description = payload.description();
            for (var violation : catalogue.check(description)) {
                violations.add(violation.at("products[" + i + "]"));
            }
            descriptions.add(description);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        catalogue.upsert(descriptions);
        return ResponseEntity.ok(Map.of("success", true, "upserted", descriptions.size()));
    }
}
