package io.siyu.access.internal;

import io.siyu.shared.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem details from security filters, which run before Spring MVC's exception handling. */
final class ProblemResponses {

    private ProblemResponses() {}

    static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    static ProblemDetail unauthenticated(String detail) {
        return Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", detail);
    }

    static ProblemDetail forbidden(String detail) {
        return Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
