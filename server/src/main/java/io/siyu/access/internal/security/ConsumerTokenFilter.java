package io.siyu.access.internal.security;

import io.siyu.access.ConsumerCaller;
import io.siyu.access.internal.consumer.ConsumerLimits;
import io.siyu.access.internal.consumer.ConsumerTokens;
import io.siyu.access.internal.consumer.TokenRefusal;
import io.siyu.access.internal.consumer.TokenUses;
import io.siyu.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates consumer-API calls ({@code /consumer/...}) by the token in {@code Authorization: Bearer}, and holds
 * back callers who call too often: first the client address (every request counts, refused ones too), then the
 * customer the token names. A change ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) takes its token's
 * {@code jti}, so that a token carries one change only. A refused token is answered 401
 * {@code /problems/unauthenticated} with the {@code reason} it broke; too many requests 429
 * {@code /problems/too-many-requests} with {@code Retry-After}.
 */
class ConsumerTokenFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ConsumerTokens tokens;
    private final TokenUses uses;
    private final ConsumerLimits limits;
    private final JsonMapper json;
    private final Clock clock;

    ConsumerTokenFilter(ConsumerTokens tokens, TokenUses uses, ConsumerLimits limits, JsonMapper json, Clock clock) {
        this.tokens = tokens;
        this.uses = uses;
        this.limits = limits;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getMethod().equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        var addressWait = limits.takeForAddress(request.getRemoteAddr());
        if (addressWait.isPresent()) {
            tooMany(response, "address", addressWait.get());
            return;
        }
        var change = CHANGES.contains(request.getMethod());
        var header = request.getHeader("Authorization");
        var token = BearerTokenFilter.carriesToken(request)
                ? header.substring(BearerTokenFilter.PREFIX.length()).strip()
                : null;
        var verdict = tokens.verify(token, clock.instant(), change);
        if (verdict instanceof ConsumerTokens.Refused refused) {
            refuse(response, refused.reason(), refused.detail());
            return;
        }
        var caller = ((ConsumerTokens.Accepted) verdict).caller();
        var customerWait = limits.takeForCustomer(caller.subject());
        if (customerWait.isPresent()) {
            tooMany(response, "customer", customerWait.get());
            return;
        }
        if (change && !uses.claim(caller)) {
            refuse(response, TokenRefusal.REPLAYED, TokenRefusal.REPLAYED.detail());
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                caller, null, List.of(new SimpleGrantedAuthority(ConsumerCaller.AUTHORITY)));
        AuthenticatedChain.proceed(authentication, request, response, chain);
    }

    private void refuse(HttpServletResponse response, TokenRefusal reason, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"siyu-consumer\", error=\"invalid_token\"");
        var problem = Problems.unauthenticated(detail);
        problem.setProperty("reason", reason.wireName());
        Problems.write(response, json, problem);
    }

    private void tooMany(HttpServletResponse response, String limit, Duration wait) throws IOException {
        var seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        var problem = Problems.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-requests",
                "Too many requests",
                "this " + limit + " has made too many requests; retry in " + seconds + " s");
        problem.setProperty("limit", limit);
        problem.setProperty("retryAfterSeconds", seconds);
        Problems.write(response, json, problem);
    }
}
