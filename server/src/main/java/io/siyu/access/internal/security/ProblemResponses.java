package io.siyu.access.internal.security;

import io.siyu.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem details of security filters, which run before Spring MVC's exception handling; written by {@link Problems#write}. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static ProblemDetail unauthenticated(String detail) {
        return Problems.forStatus(HttpStatus.UNAUTHORIZED.value(), detail);
    }

    public static ProblemDetail forbidden(String detail) {
        return Problems.forStatus(HttpStatus.FORBIDDEN.value(), detail);
    }
}
