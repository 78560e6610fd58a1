package io.siyu.commerce.internal;

import static io.siyu.commerce.internal.OrderFixtures.after;
import static io.siyu.commerce.internal.OrderFixtures.cancelled;
import static io.siyu.commerce.internal.OrderFixtures.checkoutStarted;
import static io.siyu.commerce.internal.OrderFixtures.completed;
import static io.siyu.commerce.internal.OrderFixtures.refunded;
import static io.siyu.commerce.internal.OrderFixtures.updated;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An order as its events reach it, late and out of order included: every rule compares the events' own timestamps,
 * never the order they arrive in.
 */
class OrderStateTests {

    static final String FIRST = "2025-07-01T10:00:00Z";
    static final String SECOND = "2025-07-02T10:00:00Z";
    static final String THIRD = "2025-07-03T10:00:00Z";

    @Test
    void anOrderWithoutACompletionIsPending() {
        assertThat(after(checkoutStarted(FIRST, "\"total\":100")).status()).isEqualTo(OrderState.Status.PENDING);
    }

    @Test
    void aCompletedOrderIsCompleted() {
        assertThat(after(completed(FIRST, "\"total\":100")).status()).isEqualTo(OrderState.Status.COMPLETED);
    }

    @Test
    void anOrderIsPlacedAtItsEarliestEventWhateverArrivesFirst() {
        var order = after(refunded(THIRD, "\"total\":40"), completed(FIRST, "\"total\":100"));

        assertThat(order.placedAt).isEqualTo(FIRST);
    }

    @Test
    void anOrderIsCompletedAtItsEarliestCompletion() {
        var order = after(completed(SECOND, "\"total\":100"), completed(FIRST, "\"total\":100"));

        assertThat(order.completedAt).isEqualTo(FIRST);
    }

    @Test
    void aCancellationAfterTheCompletionCancelsTheOrder() {
        var order = after(completed(FIRST, "\"total\":70"), cancelled(SECOND));

        assertThat(order.status()).isEqualTo(OrderState.Status.CANCELLED);
    }

    @Test
    void aCancellationArrivingBeforeItsCompletionStillCancelsTheOrder() {
        var order = after(cancelled(SECOND), completed(FIRST, "\"total\":70"));

        assertThat(order.status()).isEqualTo(OrderState.Status.CANCELLED);
    }

    @Test
    void aCompletionAfterTheLatestCancellationCompletesTheOrder() {
        var order = after(cancelled(FIRST), completed(SECOND, "\"total\":70"));

        assertThat(order.status()).isEqualTo(OrderState.Status.COMPLETED);
    }

    @Test
    void theLatestCancellationIsTheOneThatCounts() {
        var order = after(cancelled(FIRST), completed(SECOND, "\"total\":70"), cancelled(THIRD));

        assertThat(order.cancelledAt).isEqualTo(THIRD);
    }

    @Test
    void theAmountsAreThoseOfTheLatestDescribingEventWhateverArrivesFirst() {
        var order = after(updated(SECOND, "\"total\":120,\"coupon\":\"618\""), checkoutStarted(FIRST, "\"total\":100"));

        assertThat(order.total).isEqualByComparingTo("120");
        assertThat(order.coupon).isEqualTo("618");
    }

    @Test
    void aLaterDescribingEventReplacesTheAmounts() {
        var order = after(checkoutStarted(FIRST, "\"total\":100"), completed(SECOND, "\"total\":90"));

        assertThat(order.total).isEqualByComparingTo("90");
    }

    @Test
    void aLaterDescribingEventKeepsTheFieldsItDoesNotGive() {
        var order =
                after(checkoutStarted(FIRST, "\"total\":100,\"coupon\":\"618\""), completed(SECOND, "\"total\":90"));

        assertThat(order.coupon).isEqualTo("618");
    }

    @Test
    void aRefundDoesNotDescribeTheOrder() {
        var order = after(completed(FIRST, "\"total\":100"), refunded(SECOND, "\"total\":40"));

        assertThat(order.total).isEqualByComparingTo("100");
    }

    @Test
    void anOrderKnownOnlyFromARefundTakesItsDescriptionFromAnyLaterArrivingEventHoweverOld() {
        var order = after(refunded(THIRD, "\"total\":40,\"currency\":\"usd\""), completed(FIRST, "\"total\":100"));

        assertThat(order.total).isEqualByComparingTo("100");
    }

    @Test
    void anOrderKnownOnlyFromARefundHasTheRefundsCurrency() {
        var order = after(refunded(THIRD, "\"total\":40,\"currency\":\"usd\""));

        assertThat(order.currency).isEqualTo("USD");
    }

    @Test
    void anOrderWithoutACurrencyIsInTheBrandsCurrency() {
        assertThat(after(completed(FIRST, "\"total\":100")).currency).isEqualTo(OrderFixtures.BASE_CURRENCY);
    }

    @Test
    void theTotalIsRevenuePlusShippingAndTaxLessDiscountWhenNoTotalIsGiven() {
        var order = after(completed(FIRST, "\"revenue\":100,\"shipping\":10,\"tax\":5,\"discount\":20"));

        assertThat(order.total).isEqualByComparingTo("95");
    }

    @Test
    void theTotalIsNeverNegative() {
        var order = after(completed(FIRST, "\"revenue\":10,\"discount\":20"));

        assertThat(order.total).isEqualByComparingTo("0");
    }

    @Test
    void withoutTotalOrRevenueTheTotalIsTheValue() {
        assertThat(after(completed(FIRST, "\"value\":42")).total).isEqualByComparingTo("42");
    }

    @Test
    void withoutAnyAmountTheTotalIsTheSumOfTheLines() {
        var order = after(completed(FIRST, """
                "products":[{"product_id":"p1","price":134,"quantity":2},{"product_id":"p2","price":10}]"""));

        assertThat(order.total).isEqualByComparingTo("278");
    }

    @Test
    void theLinesAreThoseOfTheLatestDescribingEventThatListsThem() {
        var order = after(
                completed(FIRST, "\"products\":[{\"product_id\":\"p1\",\"price\":1}]"),
                updated(SECOND, "\"products\":[{\"product_id\":\"p2\",\"price\":2},{\"product_id\":\"p3\"}]"),
                updated(THIRD, "\"total\":3"));

        assertThat(order.lines)
                .extracting(EcommerceProperties.ProductRef::productId)
                .containsExactly("p2", "p3");
    }

    @Test
    void theOrderBelongsToTheCustomerOfItsLatestDescribingEvent() {
        var order = OrderFixtures.newOrder();
        order.apply(8, completed(SECOND, "\"total\":100"), OrderFixtures.BASE_CURRENCY);
        order.apply(9, checkoutStarted(FIRST, "\"total\":100"), OrderFixtures.BASE_CURRENCY);

        assertThat(order.customerId).isEqualTo(8);
    }
}
