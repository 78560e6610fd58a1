package io.siyu.shared;

/** The request is valid but clashes with the current state (a name in use, a revoked key); answered as 409. */
public class ConflictException extends RuntimeException {

    private final String rule;

    public ConflictException(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
