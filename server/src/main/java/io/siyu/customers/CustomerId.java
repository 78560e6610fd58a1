package io.siyu.customers;

/** The id of a customer profile. */
public record CustomerId(long value) {

    public static CustomerId of(long value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
