package io.siyu.commerce;

import io.siyu.commerce.internal.CommerceFacade;
import io.siyu.customers.Touch;
import io.siyu.shared.Violation;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders and products as e-commerce events describe them. */
@Service
public class OrderBook {

    private final CommerceFacade facade;

    OrderBook(CommerceFacade facade) {
        this.facade = facade;
    }

    /** The rules of the e-commerce specification a touch breaks (a missing order id, a negative total), if any. */
    public List<Violation> check(Touch touch) {
        return facade.check(touch);
    }

    /** Applies the e-commerce touches of a batch; other touches are ignored. */
    @Transactional
    public void apply(List<CustomerTouch> touches) {
        facade.apply(touches);
    }
}
