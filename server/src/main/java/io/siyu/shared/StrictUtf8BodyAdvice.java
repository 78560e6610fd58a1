package io.siyu.shared;

import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Holds every JSON request body to strict UTF-8 (see {@link Utf8}) as Jackson reads it, and answers a body that breaks
 * it with 400, field {@code body}, rule {@code utf-8}. The check runs on the bytes while they stream to the reader, so
 * a large body is not held twice. A body that declares another charset is left to it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StrictUtf8BodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return JacksonJsonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        var contentType = message.getHeaders().getContentType();
        if (contentType != null
                && contentType.getCharset() != null
                && !contentType.getCharset().equals(StandardCharsets.UTF_8)) {
            return message;
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() throws java.io.IOException {
                return Utf8.strict(message.getBody());
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    /** Found also as the cause of the reader's own exception, which is how it arrives. */
    @ExceptionHandler(Utf8.MalformedException.class)
    ResponseEntity<ProblemDetail> malformed(Utf8.MalformedException e) {
        return Problems.respond(Problems.invalidInput(List.of(e.violation())));
    }
}
