package io.siyu.shared;

import java.util.List;

/** A request broke one or more input rules; answered as 400 problem details listing every violation. */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.getFirst().detail());
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String rule, String detail) {
        this(List.of(new Violation(field, rule, detail)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
