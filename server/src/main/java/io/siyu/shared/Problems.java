package io.siyu.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

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

    /** A body larger than its endpoint accepts, with the limit in bytes. */
    public static ProblemDetail tooLarge(long limitBytes) {
        var problem = problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "Content too large",
                "the body may have at most " + describe(limitBytes) + " here");
        problem.setProperty("limitBytes", limitBytes);
        return problem;
    }

    /**
     * The problem of a request refused before it reached a handler (by the server, for its form, or by a filter), by
     * its status alone.
     */
    /** 401: the caller must sign in, or send a valid key or token. */
    public static ProblemDetail unauthenticated(String detail) {
        return forStatus(HttpStatus.UNAUTHORIZED.value(), detail);
    }

    /** 403: the caller is known, but may not do this. */
    public static ProblemDetail forbidden(String detail) {
        return forStatus(HttpStatus.FORBIDDEN.value(), detail);
    }

    public static ProblemDetail forStatus(int status, String detail) {
        var known = HttpStatus.resolve(status);
        return switch (known) {
            case BAD_REQUEST -> problem(known, "bad-request", "Bad request", detail);
            case UNAUTHORIZED -> problem(known, "unauthenticated", "Unauthenticated", detail);
            case FORBIDDEN -> problem(known, "forbidden", "Forbidden", detail);
            case NOT_FOUND -> problem(known, "not-found", "Not found", detail);
            case CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE, URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE ->
                problem(known, "too-large", "Content too large", detail);
            case null -> ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status >= 500 ? 500 : 400), detail);
            default ->
                known.is5xxServerError()
                        ? problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", detail)
                        : ProblemDetail.forStatusAndDetail(known, detail);
        };
    }

    /** Writes a problem from where Spring MVC's exception handling does not reach: filters and error pages. */
    public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0
                ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(PROBLEM_JSON)
                .body(problem);
    }
}
