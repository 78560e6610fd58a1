package io.siyu.platform.internal.web;

import io.siyu.shared.BodyLimit;
import io.siyu.shared.BodyTooLargeException;
import io.siyu.shared.InputRules;
import io.siyu.shared.Problems;
import io.siyu.shared.StoredText;
import io.siyu.shared.Timestamps;
import io.siyu.shared.Violation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds what a request to the operator API ({@code /api/**}), the shop backend's catalogue feed ({@code /ingest/**})
 * or the consumer API ({@code /consumer/**}) may carry, before any filter or handler reads it. The tracking API ({@code /v1/**}) bounds its
 * own bodies, by Segment's limits.
 *
 * <p>A body may have {@code siyu.api.max-body-size} (1 MB), or what its endpoint's {@link BodyLimit} allows; a larger
 * one is answered 413 without being read when it declares its length, and stops being read at the limit when it does
 * not. Every query parameter is decoded here once and must keep the text rules of {@link InputRules}, so that a
 * parameter longer than the backstop or holding a NUL character is refused with a 400 naming it, whichever endpoint it
 * was sent to. Runs first, ahead of the security filters, some of which read bodies themselves. Instants in query
 * parameters must lie in the years 1 to 9999 ({@link Timestamps#accepted}).
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    private static final String API = "/api/";
    private static final String CATALOGUE_FEED = "/ingest/";
    private static final String CONSUMER = "/consumer/";

    @Bean
    FilterRegistrationBean<Filter> requestLimitsFilter(
            Environment environment,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
            JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new Filter(environment, mappings, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns(API + "*", CATALOGUE_FEED + "*", CONSUMER + "*");
        return registration;
    }

    @Bean
    WebMvcConfigurer acceptedInstants() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
                    @Override
                    public Instant parse(String text, Locale locale) {
                        var instant = Instant.parse(text.strip());
                        if (!Timestamps.accepted(instant)) {
                            throw new IllegalArgumentException("outside the years 1 to 9999");
                        }
                        return instant;
                    }

                    @Override
                    public String print(Instant instant, Locale locale) {
                        return instant.toString();
                    }
                });
            }
        };
    }

    /** An endpoint's own body limit: its method and path pattern. */
    private record EndpointLimit(String method, PathPattern pattern, long bytes) {}

    static final class Filter extends OncePerRequestFilter {

        private final Environment environment;
        private final ObjectProvider<RequestMappingHandlerMapping> mappings;
        private final JsonMapper json;
        private final long defaultLimit;
        private volatile List<EndpointLimit> endpointLimits;

        Filter(Environment environment, ObjectProvider<RequestMappingHandlerMapping> mappings, JsonMapper json) {
            this.environment = environment;
            this.mappings = mappings;
            this.json = json;
            this.defaultLimit = size(environment.getProperty("siyu.api.max-body-size", "1MB"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var violations = parameterViolations(request.getQueryString());
            if (!violations.isEmpty()) {
                Problems.write(response, json, Problems.invalidInput(violations));
                return;
            }
            var limit = limitOf(request);
            if (request.getContentLengthLong() > limit) {
                Problems.write(response, json, Problems.tooLarge(limit));
                return;
            }
            try {
                chain.doFilter(new Limited(request, limit), response);
            } catch (BodyTooLargeException e) {
                if (response.isCommitted()) {
                    throw e;
                }
                response.reset();
                Problems.write(response, json, Problems.tooLarge(e.limitBytes()));
            }
        }

        private long limitOf(HttpServletRequest request) {
            var path = PathContainer.parsePath(request.getRequestURI());
            for (var endpoint : endpointLimits()) {
                if (endpoint.method().equals(request.getMethod())
                        && endpoint.pattern().matches(path)) {
                    return endpoint.bytes();
                }
            }
            return defaultLimit;
        }

        /** The endpoints marked {@link BodyLimit}, found once the handler mappings are complete. */
        private List<EndpointLimit> endpointLimits() {
            var known = endpointLimits;
            if (known == null) {
                var found = new ArrayList<EndpointLimit>();
                mappings.getObject()
                        .getHandlerMethods()
                        .forEach((info, handler) -> found.addAll(limits(info, handler)));
                endpointLimits = known = List.copyOf(found);
            }
            return known;
        }

        private List<EndpointLimit> limits(RequestMappingInfo info, HandlerMethod handler) {
            var annotation = handler.getMethodAnnotation(BodyLimit.class);
            if (annotation == null || info.getPathPatternsCondition() == null) {
                return List.of();
            }
            var bytes = size(environment.resolveRequiredPlaceholders(annotation.value()));
            var limits = new ArrayList<EndpointLimit>();
            for (var pattern : info.getPathPatternsCondition().getPatterns()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    limits.add(new EndpointLimit(method.name(), pattern, bytes));
                }
            }
            return limits;
        }

        private static long size(String text) {
            return DataSize.parse(text.strip()).toBytes();
        }
    }

    /** The broken rules of a request's query parameters, decoded as UTF-8. */
    static List<Violation> parameterViolations(String query) {
        var violations = new ArrayList<Violation>();
        if (query == null || query.isEmpty()) {
            return violations;
        }
        for (var pair : query.split("&")) {
            var equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("query", "encoding", "has a malformed %-escape"));
                continue;
            }
            var field = StoredText.cut(name, 61);
            var broken = InputRules.check(field, name, InputRules.MAX_PARAMETER_LENGTH);
            if (broken == null) {
                broken = InputRules.check(field, value, InputRules.MAX_PARAMETER_LENGTH);
            }
            if (broken != null) {
                violations.add(broken);
            }
        }
        return violations;
    }

    /** A request whose body stops at its limit with {@link BodyTooLargeException}. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CountingStream(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset;
            try {
                charset = getCharacterEncoding() == null
                        ? StandardCharsets.UTF_8
                        : Charset.forName(getCharacterEncoding());
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            var b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
