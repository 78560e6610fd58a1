package io.siyu.access.internal.security;

import io.siyu.access.WriteKeyScope;
import io.siyu.access.internal.credentials.Credentials;
import io.siyu.shared.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates ingestion calls the way Segment's HTTP API does: the write key is the user name of HTTP Basic
 * authentication, with an empty password. A request with a dead key is answered 401, and one with a key whose scope
 * does not reach the endpoint (a browser key calling the catalogue feed) 403, both before its body is read. Only the
 * tracking endpoints ({@code /v1/...}, which every scope reaches) also take the key from the JSON body, as browser SDKs
 * send it, so a request to them without the header goes on unauthenticated; every other ingestion endpoint is called
 * by the shop's servers, whose libraries always send the header, and without it is answered 401 before its body is
 * read.
 */
class WriteKeyFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "ingest:write";

    private final Credentials credentials;
    private final JsonMapper json;

    WriteKeyFilter(Credentials credentials, JsonMapper json) {
        this.credentials = credentials;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var key = writeKey(request);
        var path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (key == null && WriteKeyScope.BROWSER.reaches(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (key == null) {
            refuse(response, "send a write key of scope server as the user name of HTTP Basic authentication");
            return;
        }
        var source = credentials.authenticate(key);
        if (source.isEmpty()) {
            refuse(response, "the write key is unknown or revoked");
            return;
        }
        var scope = source.get().scope();
        if (!scope.reaches(path)) {
            var problem = Problems.forbidden("the write key '"
                    + source.get().name() + "' has the scope "
                    + scope.wireName() + ", which reaches only the tracking API (/v1/...); this endpoint needs a "
                    + "write key with the scope " + WriteKeyScope.SERVER.wireName());
            problem.setProperty("scope", scope.wireName());
            problem.setProperty("requiredScope", WriteKeyScope.SERVER.wireName());
            Problems.write(response, json, problem);
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                source.get(), null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
        AuthenticatedChain.proceed(authentication, request, response, chain);
    }

    private void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"siyu-ingest\"");
        Problems.write(response, json, Problems.unauthenticated(detail));
    }

    private static String writeKey(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            var decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            var colon = decoded.indexOf(':');
            var user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.isEmpty() ? null : user;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
