package io.siyu.shared;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the RFC 9457 problem answers of every endpoint. Problem types are relative URIs under {@code /problems/},
 * each described in {@code docs/api.md}.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {}

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalidInput(List<Violation> violations) {
        var detail = violations.size() == 1
                ? violations.getFirst().field() + ": " + violations.getFirst().detail()
                : violations.size() + " fields break input rules; see errors";
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        problem.setProperty("errors", violations);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(PROBLEM_JSON)
                .body(problem);
    }
}
