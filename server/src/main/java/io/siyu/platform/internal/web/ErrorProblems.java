package io.siyu.platform.internal.web;

import io.siyu.shared.BodyTooLargeException;
import io.siyu.shared.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error that no handler answered as a problem document, never as an HTML page or with a stack trace:
 * errors of filters and the servlet container, forwarded to {@code /error}, and requests the server refuses before
 * they reach Siyu at all (a request line or headers beyond {@code server.max-http-request-header-size}, a malformed
 * address), which Tomcat's error report valve renders.
 */
@RestController
class ErrorProblems implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof BodyTooLargeException e) {
            return Problems.respond(Problems.tooLarge(e.limitBytes()));
        }
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code
                : HttpStatus.NOT_FOUND.value();
        return Problems.respond(Problems.forStatus(status, detail(status)));
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its address, headers or encoding) and was not handled";
            case 404 -> "there is nothing at this address";
            case 405 -> "this address does not take this method";
            case 413 -> "the body is larger than this address accepts";
            case 414, 431 ->
                "the request's address and headers are longer than this server reads; send long values in a body";
            default ->
                status >= 500
                        ? "the server failed to handle this request; nothing you sent was changed by the failed part"
                        : "the request was refused";
        };
    }

    /** Puts {@link ProblemReportValve} in place of the HTML error report valve of Tomcat's host. */
    @Component
    static class ValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var host = context.getParent();
                for (var valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve());
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }

        /** After Spring Boot's own customizer, which installs the HTML valve. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's report of an error it answered itself, written as a problem document. */
    static class ProblemReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            var status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var tooLong = throwable != null
                    && throwable.getMessage() != null
                    && throwable.getMessage().contains("too large");
            var problem = Problems.forStatus(status, detail(tooLong ? 431 : status));
            var body = new LinkedHashMap<String, Object>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            try {
                response.setContentType(Problems.PROBLEM_JSON.toString());
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(body));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is committed: there is no one left to tell
            }
        }
    }
}
