package io.siyu.shared;

/** A request body grew beyond the limit of its endpoint while it was read; answered 413 {@code /problems/too-large}. */
public class BodyTooLargeException extends RuntimeException {

    private final long limitBytes;

    public BodyTooLargeException(long limitBytes) {
        super("the body is larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
