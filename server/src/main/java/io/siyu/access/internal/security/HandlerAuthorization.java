package io.siyu.access.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a caller may call the handler a request is mapped to, by the same {@code @PreAuthorize} rule the handler's
 * method security applies; for filters that answer before the handler is reached (replays of idempotent requests).
 */
class HandlerAuthorization {

    private final Supplier<RequestMappingHandlerMapping> handlers;
    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    HandlerAuthorization(Supplier<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    /** False when the handler's rule refuses the caller, or when the request maps to no handler at all. */
    boolean permits(HttpServletRequest request, Authentication caller) {
        HandlerMethod handler;
        try {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            var chain = handlers.get().getHandler(request);
            if (chain == null || !(chain.getHandler() instanceof HandlerMethod method)) {
                return false;
            }
            handler = method.createWithResolvedBean();
        } catch (Exception e) {
            return false;
        }
        AuthorizationResult result =
                rules.authorize(() -> caller, new SimpleMethodInvocation(handler.getBean(), handler.getMethod()));
        return result == null || result.isGranted();
    }
}
