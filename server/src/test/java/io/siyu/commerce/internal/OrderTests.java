package io.siyu.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siyu.SiyuIntegrationTest;
import io.siyu.SiyuUnderTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@SiyuIntegrationTest
class OrderTests {

    @Autowired
    SiyuUnderTest siyu;

    void send(String... messages) {
        var response = siyu.shop().post("/v1/batch", "{\"batch\":[" + String.join(",", messages) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rejected").asInt()).as(response.body()).isZero();
        siyu.applyQueued();
    }

    JsonNode facts(String user) {
        var id = siyu.customerId("user_id:" + user);
        return siyu.admin().get("/api/v1/customers/" + id).json().get("facts");
    }

    static String order(String user, String event, String orderId, String at, String extra) {
        return """
                {"type":"track","userId":"%s","event":"%s","timestamp":"%s","properties":{"order_id":"%s"%s}}""".formatted(user, event, at, orderId, extra);
    }

    /** A customer's completed order of two serums; answers the customer's user id and the order's id. */
    private record Bought(String user, String orderId) {}

    private Bought completedOrderOfTwoSerums() {
        var user = "buyer-" + UUID.randomUUID();
        var orderId = "o-" + UUID.randomUUID();
        send(order(user, "Order Completed", orderId, "2025-06-18T12:00:00Z", """
                ,"total":"268.00","currency":"CNY","coupon":"618",
                "products":[{"product_id":"p-serum","name":"Serum","category":"Skincare","price":134,"quantity":2}]"""));
        return new Bought(user, orderId);
    }

    @Test
    void aCompletedOrderKeepsItsStatusTotalAndLines() {
        var bought = completedOrderOfTwoSerums();

        var detail = siyu.admin().get("/api/v1/orders/" + bought.orderId()).json();
        assertThat(detail.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(detail.get("total").decimalValue()).isEqualByComparingTo("268");
        assertThat(detail.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void aCompletedOrderFeedsTheProfilesFacts() {
        var bought = completedOrderOfTwoSerums();

        var facts = facts(bought.user());
        assertThat(facts.get("orderCount").asInt()).isEqualTo(1);
        assertThat(facts.get("totalSpent").decimalValue()).isEqualByComparingTo("268");
    }

    @Test
    void theProductsOfAnOrderJoinTheCatalogue() {
        completedOrderOfTwoSerums();

        assertThat(siyu.admin()
                        .get("/api/v1/products/p-serum")
                        .json()
                        .get("product")
                        .get("category")
                        .asString())
                .isEqualTo("Skincare");
    }

    /**
     * A refund arrives before the completion of its order, and the same completion arrives again under a new message
     * id; answers the user and the order.
     */
    private Bought refundBeforeItsOrder() {
        var user = "late-" + UUID.randomUUID();
        var orderId = "o-" + UUID.randomUUID();
        send(order(user, "Order Refunded", orderId, "2025-07-03T10:00:00Z", ",\"total\":40"));
        send(order(user, "Order Completed", orderId, "2025-07-01T10:00:00Z", ",\"total\":100"));
        // the same completion sent again under a new message id changes nothing
        send(order(user, "Order Completed", orderId, "2025-07-01T10:00:00Z", ",\"total\":100"));
        return new Bought(user, orderId);
    }

    @Test
    void aRefundArrivingBeforeItsOrderIsKeptWithTheOrder() {
        var bought = refundBeforeItsOrder();

        var detail = siyu.admin().get("/api/v1/orders/" + bought.orderId()).json();
        assertThat(detail.get("refundedTotal").decimalValue()).isEqualByComparingTo("40");
        assertThat(detail.get("placedAt").asString()).isEqualTo("2025-07-01T10:00:00Z");
    }

    @Test
    void aRefundArrivingBeforeItsOrderIsStillCountedOnce() {
        var bought = refundBeforeItsOrder();

        var facts = facts(bought.user());
        assertThat(facts.get("orderCount").asInt()).isEqualTo(1);
        assertThat(facts.get("totalSpent").decimalValue()).isEqualByComparingTo("60");
    }

    /** A customer completes two orders and cancels the second; answers the user and the cancelled order. */
    private Bought completedTwoCancelledOne() {
        var user = "cancel-" + UUID.randomUUID();
        var kept = "o-" + UUID.randomUUID();
        var cancelled = "o-" + UUID.randomUUID();
        send(
                order(user, "Order Completed", kept, "2025-08-01T10:00:00Z", ",\"total\":50"),
                order(user, "Order Completed", cancelled, "2025-08-02T10:00:00Z", ",\"total\":70"),
                order(user, "Order Cancelled", cancelled, "2025-08-02T10:30:00Z", ""));
        return new Bought(user, cancelled);
    }

    @Test
    void aCancellationCancelsACompletedOrder() {
        var bought = completedTwoCancelledOne();

        assertThat(siyu.admin()
                        .get("/api/v1/orders/" + bought.orderId())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aCancelledOrderLeavesTheFacts() {
        var bought = completedTwoCancelledOne();

        var facts = facts(bought.user());
        assertThat(facts.get("orderCount").asInt()).isEqualTo(1);
        assertThat(facts.get("totalSpent").decimalValue()).isEqualByComparingTo("50");
    }

    /** A visitor orders, the account is known apart, and then the visitor signs in; answers the user and the order. */
    private Bought visitorWhoOrderedSignsIn() {
        var user = "merge-" + UUID.randomUUID();
        var device = UUID.randomUUID().toString();
        var orderId = "o-" + UUID.randomUUID();
        send("""
                {"type":"track","anonymousId":"%s","event":"Order Completed","timestamp":"2025-09-01T10:00:00Z",
                 "properties":{"order_id":"%s","total":99}}""".formatted(device, orderId));
        send("""
                {"type":"identify","userId":"%s","traits":{"name":"Guest"}}""".formatted(user));
        send("""
                {"type":"identify","userId":"%s","anonymousId":"%s"}""".formatted(user, device));
        return new Bought(user, orderId);
    }

    @Test
    void theFactsOfOrdersFollowTheirCustomerIntoAMerge() {
        var bought = visitorWhoOrderedSignsIn();

        var facts = facts(bought.user());
        assertThat(facts.get("orderCount").asInt()).isEqualTo(1);
        assertThat(facts.get("totalSpent").decimalValue()).isEqualByComparingTo("99");
    }

    @Test
    void ordersFollowTheirCustomerIntoAMerge() {
        var bought = visitorWhoOrderedSignsIn();

        var customer = siyu.customerId("user_id:" + bought.user());
        assertThat(siyu.admin()
                        .get("/api/v1/customers/" + customer + "/orders")
                        .json()
                        .get("items")
                        .findValuesAsString("orderId"))
                .containsExactly(bought.orderId());
    }

    @Test
    void concurrentOrdersAndTheirRetriesAddUpToTheCent() throws Exception {
        var user = "rush-" + UUID.randomUUID();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 200; i++) {
                var body = order(
                                user,
                                "Order Completed",
                                "rush-" + user + "-" + i,
                                "2025-11-11T00:00:%02dZ".formatted(i % 60),
                                ",\"total\":\"19.99\"")
                        .replace("{\"type\"", "{\"messageId\":\"" + user + "-" + i + "\",\"type\"");
                // every order is sent twice at once, as a client retrying after a timeout would
                calls.add(
                        threads.submit(() -> siyu.shop().post("/v1/track", body).status()));
                calls.add(
                        threads.submit(() -> siyu.shop().post("/v1/track", body).status()));
            }
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        }
        siyu.applyQueued();

        var facts = facts(user);
        assertThat(facts.get("orderCount").asInt()).isEqualTo(200);
        assertThat(facts.get("totalSpent").decimalValue()).isEqualByComparingTo("3998.00");
    }

    @Test
    void negativeAmountsAndMissingOrderIdsAreRefusedAtTheDoor() {
        var response = siyu.shop().post("/v1/batch", """
                {"batch":[{"type":"track","userId":"u","event":"Order Completed","properties":{"total":-5}},
                          {"type":"track","userId":"u","event":"Order Completed","properties":{"order_id":"o","currency":"XYZ"}}]}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("rejected").asInt()).isEqualTo(2);
        assertThat(response.json().get("rejectedMessages").findValuesAsString("field"))
                .contains("batch[0].properties.order_id", "batch[0].properties.total", "batch[1].properties.currency");
    }

    @Test
    void theCatalogueFeedRefusesAddressesThatAreNotWebAddresses() {
        var id = "url-" + UUID.randomUUID();
        var refused = siyu.shop().post("/ingest/v1/products", """
                {"products":[{"product_id":"%s","url":"javascript:alert(document.cookie)",
                  "image_url":"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
                  "attributes":{"manual_url":"vbscript:msgbox(1)","colour":"javascript:is fine as a colour"}},
                 {"product_id":"%s-2","url":"//shop.example.com/no-scheme","image_url":"https:///no-host"}]}""".formatted(id, id));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "products[0].url",
                        "products[0].image_url",
                        "products[0].attributes.manual_url",
                        "products[1].url",
                        "products[1].image_url");
        assertThat(refused.json().get("errors").findValuesAsString("rule"))
                .containsExactlyInAnyOrder("url-scheme", "url-scheme", "url-scheme", "url-scheme", "url");
    }

    @Test
    void replacingAProductRefusesAnAddressThatIsNotAWebAddress() {
        var id = "url-" + UUID.randomUUID();
        var replaced = siyu.admin().put("/api/v1/products/" + id, """
                {"name":"Tea","url":"JavaScript:alert(1)"}""");

        assertThat(replaced.status()).isEqualTo(400);
        assertThat(replaced.json().get("errors").findValuesAsString("rule")).containsExactly("url-scheme");
    }

    @Test
    void theCatalogueFeedTakesHttpAndHttpsAddresses() {
        var id = "url-" + UUID.randomUUID();
        var accepted = siyu.shop().post("/ingest/v1/products", """
                {"products":[{"product_id":"%s","url":"https://shop.example.com/p/1",
                  "image_url":"http://cdn.example.com/p/1.jpg","attributes":{"manual_url":"https://example.com/m.pdf"}}]}""".formatted(id));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void eventsDoNotTeachTheCatalogueAddressesItWouldRefuse() {
        var id = "evt-url-" + UUID.randomUUID();
        send("""
                {"type":"track","anonymousId":"%s","event":"Product Viewed","properties":{"product_id":"%s",
                 "url":"javascript:alert(1)","image_url":"https://cdn.example.com/%s.jpg"}}""".formatted(UUID.randomUUID(), id, id));

        var product = siyu.admin().get("/api/v1/products/" + id).json().get("product");
        assertThat(product.has("url")).isFalse();
        assertThat(product.get("imageUrl").asString()).isEqualTo("https://cdn.example.com/" + id + ".jpg");
    }

    @Test
    void theShopsCatalogueFeedIsAllOrNothing() {
        var id = "cat-" + UUID.randomUUID();
        var refused = siyu.shop().post("/ingest/v1/products", """
                {"products":[{"product_id":"%s","name":"Mask","price":29.9},{"product_id":"","price":-1}]}""".formatted(id));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .contains("products[1].product_id", "products[1].price");
        assertThat(siyu.admin().get("/api/v1/products/" + id).status()).isEqualTo(404);
    }

    @Test
    void aProductFromTheShopsCatalogueFeedIsKeptAsTheCataloguesOwn() {
        var id = "cat-" + UUID.randomUUID();
        var accepted = siyu.shop().post("/ingest/v1/products", """
                {"products":[{"product_id":"%s","name":"Mask","category":"Skincare","price":29.9,"stock":12}]}""".formatted(id));
        assertThat(accepted.status()).isEqualTo(200);
        var product = siyu.admin().get("/api/v1/products/" + id).json().get("product");
        assertThat(product.get("source").asString()).isEqualTo("catalogue");
        assertThat(product.get("stock").asInt()).isEqualTo(12);
    }
}
