package io.siyu.commerce;

import io.siyu.customers.Touch;
import io.siyu.shared.Violation;
import java.util.List;

/** Orders and products as e-commerce events describe them. */
public interface OrderBook {

    /** The rules of the e-commerce specification a touch breaks (a missing order id, a negative total), if any. */
    List<Violation> check(Touch touch);

    /** Applies the e-commerce touches of a batch; other touches are ignored. */
    void apply(List<CustomerTouch> touches);
}
