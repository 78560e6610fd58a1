package io.siyu.platform.internal.web;

import io.siyu.access.Viewer;
import io.siyu.shared.PersonalData;
import java.net.URI;
import java.util.LinkedHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where the JSON answers of every endpoint lose what their caller may not see: for a caller without
 * {@code personal-data:read}, every phone number and e-mail address in the answer is masked, whatever field, trait,
 * property or list it stands in (as {@link PersonalData} recognises them, by what they are and not by their key).
 * Problem answers are masked for every caller, since their details may repeat the input they refuse.
 *
 * <p>Masking the finished answer rather than each field where it is read means no endpoint, present or future, has to
 * remember to: customer data reaches operators through profiles, timelines, orders, segment members and reports alike.
 * It costs a JSON tree per answer to those callers, the size of the page they asked for. Files (CSV exports) are not
 * JSON and mask their cells themselves.
 */
@RestControllerAdvice
class PersonalDataInAnswers implements ResponseBodyAdvice<Object> {

    private final PersonalData personalData;
    private final JsonMapper json;

    PersonalDataInAnswers(PersonalData personalData, JsonMapper json) {
        this.personalData = personalData;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            return masked(problem);
        }
        // the tracking API answers its sender about its own messages; only operators' answers are masked
        if (body == null || !request.getURI().getPath().startsWith("/api/") || Viewer.maySeePersonalData()) {
            return body;
        }
        return personalData.mask(json.valueToTree(body));
    }

    private ProblemDetail masked(ProblemDetail problem) {
        problem.setDetail(personalData.mask(problem.getDetail()));
        if (problem.getInstance() != null) {
            problem.setInstance(
                    URI.create(personalData.mask(problem.getInstance().toString())));
        }
        var properties = problem.getProperties();
        if (properties != null) {
            var masked = new LinkedHashMap<String, Object>();
            properties.forEach((name, value) -> masked.put(name, personalData.mask(json.valueToTree(value))));
            masked.forEach(problem::setProperty);
        }
        return problem;
    }
}
