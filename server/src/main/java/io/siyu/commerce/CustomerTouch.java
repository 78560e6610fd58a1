package io.siyu.commerce;

import io.siyu.customers.CustomerId;
import io.siyu.customers.Touch;

/** A touch together with the profile it was recorded on. */
public record CustomerTouch(CustomerId customerId, Touch touch) {}
