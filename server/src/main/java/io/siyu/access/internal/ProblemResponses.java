package io.siyu.access.internal;

import io.siyu.shared.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** The problem details of security filters, which run before Spring MVC's exception handling. */
final class ProblemResponses {

    private ProblemResponses() {}

    /** Writes a problem as {@link Problems#write} does for every filter. */
    static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        Problems.write(response, json, problem);
    }

    static ProblemDetail unauthenticated(String detail) {
        return Problems.forStatus(HttpStatus.UNAUTHORIZED.value(), detail);
    }

    static ProblemDetail forbidden(String detail) {
        return Problems.forStatus(HttpStatus.FORBIDDEN.value(), detail);
    }
}
