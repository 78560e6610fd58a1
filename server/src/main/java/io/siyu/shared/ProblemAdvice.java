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
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns every failure of a web request into RFC 9457 problem details that name the field and the rule. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return Problems.respond(Problems.invalidInput(e.violations()));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return Problems.respond(Problems.tooLarge(e.limitBytes()));
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
        var value = String.valueOf(e.getValue());
        var shown = StoredText.cut(value, 41);
        return Problems.respond(Problems.invalidInput(List.of(new Violation(
                e.getName(), "type", "must be " + expected(e.getRequiredType()) + ", got '" + shown + "'"))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return Problems.respond(Problems.forbidden("your role does not allow this action"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return Problems.respond(Problems.unauthenticated(e.getMessage()));
    }

    /**
     * No database connection came free in time: the server is saturated, not broken. A 503 with {@code Retry-After}
     * tells clients (Segment's libraries among them) to send again later; nothing of the request was stored.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> busy(Exception e) {
        log.warn("no database connection came free in time: answered 503 ({})", e.getMessage());
        var problem = Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "busy",
                "Busy",
                "the server is too busy to take this request now; nothing of it was stored; send it again later");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
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
        if (e.getCause() instanceof BodyTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .contentType(Problems.PROBLEM_JSON)
                    .body(Problems.tooLarge(tooLarge.limitBytes()));
        }
        var violation = e.getCause() instanceof JacksonException jackson
                ? violation(jackson)
                : new Violation("body", "json", "the body is not well-formed JSON");
        return ResponseEntity.badRequest()
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.invalidInput(List.of(violation)));
    }

    /**
     * The rule a body broke, by what Jackson refused. Its own messages are not passed on: they name Java types and
     * repeat the value, which may be as long as the body.
     */
    static Violation violation(JacksonException e) {
        var field = path(e);
        return switch (e) {
            case InvalidNullException n -> new Violation(field, "required", "must not be null");
            case InputCoercionException c ->
                new Violation(field, "range", "is out of range for " + expected(c.getTargetType()));
            case MismatchedInputException m -> new Violation(field, "type", "must be " + expected(m.getTargetType()));
            case StreamConstraintsException c ->
                new Violation(field, "max-length", "is longer or nests deeper than this server reads");
            case DatabindException d -> new Violation(field, "type", "does not fit this field");
            default -> {
                var location = e.getLocation();
                yield new Violation(
                        field,
                        "json",
                        "the body is not well-formed JSON"
                                + (location == null
                                        ? ""
                                        : " (line " + location.getLineNr() + ", column " + location.getColumnNr()
                                                + ")"));
            }
        };
    }

    /** What a value of a Java type is called for people. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || Long.class == type
                || Integer.class == type
                || Short.class == type
                || java.math.BigInteger.class == type) {
            return "a whole number" + (type == int.class || type == Integer.class ? " up to 2147483647" : "");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.time.LocalDate.class == type) {
            return "a date such as 2026-05-01";
        }
        if (java.time.Instant.class == type || java.time.OffsetDateTime.class == type) {
            return "a time such as 2026-05-01T08:30:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** The dotted path of the value Jackson refused, from the exception or, while parsing, from the parser. */
    static String path(JacksonException e) {
        if (e.getPath().isEmpty() && e.processor() instanceof JsonParser parser) {
            var pointer = parser.streamReadContext().pathAsPointer().toString();
            return pointer.isEmpty() ? "body" : pointer.substring(1).replace('/', '.');
        }
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
