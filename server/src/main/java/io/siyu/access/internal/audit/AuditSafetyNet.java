package io.siyu.access.internal.audit;

import io.siyu.access.ChangesNothing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Makes sure no change through the operator API goes unrecorded: a state-changing request to {@code /api/} that did
 * not write its own, more precise audit entry gets a generic one with its method, path and status, whether it was
 * accepted, refused or failed. Handlers marked {@link ChangesNothing} (questions sent with POST) are left out.
 */
public class AuditSafetyNet extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final AuditTrail trail;

    public AuditSafetyNet(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(AuditTrail.RECORDED) == null && !changesNothing(request)) {
                var status = response.getStatus();
                trail.write(
                        request.getMethod() + " " + request.getRequestURI(),
                        null,
                        status,
                        Map.of("outcome", status < 400 ? "accepted" : "refused"));
            }
        }
    }

    /** Whether the request reached a handler marked {@link ChangesNothing}. */
    private static boolean changesNothing(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && handler.hasMethodAnnotation(ChangesNothing.class);
    }
}
