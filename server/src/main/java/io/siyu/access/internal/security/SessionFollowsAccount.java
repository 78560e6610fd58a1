package io.siyu.access.internal.security;

import io.siyu.access.internal.operators.Authorities;
import io.siyu.access.internal.operators.OperatorPrincipal;
import io.siyu.access.internal.operators.OperatorStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every console session follow its operator's account as it is now, on every request: a session whose operator
 * was disabled, deleted or given a new password ends (the request goes on as anonymous); a session whose operator got
 * another role or name carries on with the new one.
 *
 * <p>Why a lookup per request rather than a cache or a list of sessions to revoke: the lookup is one primary-key read,
 * the console's traffic is a few requests per operator and second, and a cache would give a disabled operator the
 * cache's lifetime to re-enable itself. Sessions live in the memory of one node, so a list of sessions to end would
 * also have to reach every node; the account row in PostgreSQL already does.
 */
public class SessionFollowsAccount extends OncePerRequestFilter {

    private final OperatorStore store;
    private final SecurityContextRepository contexts;

    public SessionFollowsAccount(OperatorStore store, SecurityContextRepository contexts) {
        this.store = store;
        this.contexts = contexts;
    }

    /** An error page rendered for a request is rendered for the account as it is now, too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof OperatorPrincipal principal
                && principal.kind() == OperatorPrincipal.Kind.OPERATOR) {
            var current = store.byId(principal.id())
                    .filter(operator -> !operator.disabled() && operator.sessionEpoch() == principal.sessionEpoch());
            if (current.isEmpty()) {
                end(request);
            } else if (!OperatorPrincipal.of(current.get()).equals(principal)) {
                establish(OperatorPrincipal.of(current.get()), request, response, contexts);
            }
        }
        chain.doFilter(request, response);
    }

    /** Makes {@code principal} the caller of this request and of the session's next ones. */
    public static void establish(
            OperatorPrincipal principal,
            HttpServletRequest request,
            HttpServletResponse response,
            SecurityContextRepository contexts) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, Authorities.of(principal.role())));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static void end(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
