package io.siyu.access.internal.web;

import io.siyu.access.AuditLog;
import io.siyu.access.Permission;
import io.siyu.access.Role;
import io.siyu.access.internal.operators.OperatorAccounts;
import io.siyu.access.internal.operators.OperatorPrincipal;
import io.siyu.access.internal.security.BearerTokenFilter;
import io.siyu.access.internal.security.SessionFollowsAccount;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signing in and out of the console. */
@RestController
@RequestMapping("/api/v1/session")
class SessionController {

    private final OperatorAccounts accounts;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final AuditLog audit;
    private final java.time.Clock clock;

    SessionController(
            OperatorAccounts accounts,
            SecurityContextRepository contexts,
            CsrfTokenRepository csrfTokens,
            AuditLog audit,
            java.time.Clock clock) {
        this.accounts = accounts;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.audit = audit;
        this.clock = clock;
    }

    record SignInRequest(String username, String password) {}

    record SessionView(
            long id, String username, String displayName, Role role, String kind, List<Permission> permissions) {

        static SessionView of(OperatorPrincipal principal) {
            return new SessionView(
                    principal.id(),
                    principal.username(),
                    principal.displayName(),
                    principal.role(),
                    principal.kind().name(),
                    principal.role().permissions().stream()
                            .sorted(Comparator.naturalOrder())
                            .toList());
        }
    }

    /** Who is signed in; 401 when nobody is. Public so that the console can ask before signing in. */
    @ApiResponse(
            responseCode = "200",
            description = "who is signed in",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @GetMapping
    ResponseEntity<?> current(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OperatorPrincipal principal) {
            return ResponseEntity.ok(SessionView.of(principal));
        }
        return Problems.respond(Problems.unauthenticated("nobody is signed in"));
    }

    @ApiResponse(
            responseCode = "200",
            description = "the operator signed in",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @PostMapping
    ResponseEntity<?> signIn(
            @RequestBody SignInRequest body, HttpServletRequest request, HttpServletResponse response) {
        if (BearerTokenFilter.carriesToken(request)) {
            throw new InvalidInputException(
                    "Authorization", "no-token", "sign in without an API token: token requests have no session");
        }
        var outcome = accounts.signIn(body.username(), body.password(), request.getRemoteAddr());
        return switch (outcome) {
            case OperatorAccounts.SignIn.Accepted(var operator) -> {
                var principal = OperatorPrincipal.of(operator);
                request.getSession(true);
                request.changeSessionId();
                SessionFollowsAccount.establish(principal, request, response, contexts);
                csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
                audit.record("session.signed-in", "operator:" + operator.id(), Map.of());
                yield ResponseEntity.ok(SessionView.of(principal));
            }
            case OperatorAccounts.SignIn.Rejected() ->
                Problems.respond(Problems.unauthenticated("the user name or the password is wrong"));
            case OperatorAccounts.SignIn.HeldBack(var until) -> heldBack(until);
        };
    }

    @DeleteMapping
    ResponseEntity<Void> signOut(
            Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (authentication != null && authentication.getPrincipal() instanceof OperatorPrincipal principal) {
            audit.record("session.signed-out", "operator:" + principal.id(), Map.of());
        }
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        // the old token was bound to the session that just ended; the next sign-in needs one of its own
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        return ResponseEntity.noContent().build();
    }

    /** The same answer whether or not the user name exists. */
    private ResponseEntity<?> heldBack(Instant until) {
        var problem = Problems.problem(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-attempts",
                "Too many attempts",
                "too many failed sign-ins from this address; try again after " + until);
        problem.setProperty("retryAt", until.toString());
        var seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(seconds))
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }
}
