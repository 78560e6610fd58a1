package io.siyu.shared;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/** Turns every failure of a web request into RFC 9457 problem details that name the field and the rule. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return Problems.respond(Problems.invalidInput(e.violations()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        var problem = Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        problem.setProperty("rule", e.rule());
        return Problems.respond(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(
                        lastNode(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor()
                                .getAnnotation()
                                .annotationType()
                                .getSimpleName()
                                .toLowerCase(),
                        v.getMessage()))
                .toList();
        return Problems.respond(Problems.invalidInput(violations));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var expected =
                e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return Problems.respond(Problems.invalidInput(List.of(new Violation(
                e.getName(), "type", "must be a " + expected.toLowerCase() + ", got '" + e.getValue() + "'"))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return Problems.respond(Problems.problem(
                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "your role does not allow this action"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return Problems.respond(
                Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("request failed unexpectedly", e);
        return Problems.respond(Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "the server failed to handle this request; nothing you sent was changed by the failed part"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Violation(
                        error.getField(),
                        error.getCode() == null ? "invalid" : error.getCode().toLowerCase(),
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(Problems.invalidInput(violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var violation = e.getCause() instanceof DatabindException databind
                ? new Violation(path(databind), "type", databind.getOriginalMessage())
                : new Violation("body", "json", "the body is not well-formed JSON");
        return ResponseEntity.badRequest()
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.invalidInput(List.of(violation)));
    }

    private static String path(DatabindException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        var dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
