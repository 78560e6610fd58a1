package io.siyu.access.internal.security;

import io.siyu.access.internal.credentials.Credentials;
import io.siyu.access.internal.operators.Authorities;
import io.siyu.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** Authenticates operator-API calls that carry {@code Authorization: Bearer <API token>}. */
public class BearerTokenFilter extends OncePerRequestFilter {

    static final String PREFIX = "Bearer ";

    private final Credentials credentials;
    private final JsonMapper json;

    public BearerTokenFilter(Credentials credentials, JsonMapper json) {
        this.credentials = credentials;
        this.json = json;
    }

    public static boolean carriesToken(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        var token =
                request.getHeader("Authorization").substring(PREFIX.length()).trim();
        var principal = credentials.authenticateToken(token);
        if (principal.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(response, json, Problems.unauthenticated("the API token is unknown or revoked"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal.get(), null, Authorities.of(principal.get().role()));
        AuthenticatedChain.proceed(authentication, request, response, chain);
    }
}
