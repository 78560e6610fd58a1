package io.siyu.access.internal.web;

import io.siyu.access.Permission;
import io.siyu.access.Role;
import io.siyu.access.internal.operators.Operator;
import io.siyu.access.internal.operators.OperatorAccounts;
import io.siyu.access.internal.operators.OperatorPrincipal;
import io.siyu.access.internal.security.SessionFollowsAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators and the roles they can have. */
@RestController
class OperatorController {

    private final OperatorAccounts accounts;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;

    OperatorController(OperatorAccounts accounts, SecurityContextRepository contexts, CsrfTokenRepository csrfTokens) {
        this.accounts = accounts;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
    }

    record OperatorView(
            long id,
            String username,
            String displayName,
            Role role,
            boolean disabled,
            boolean signInHeldBack,
            @Nullable Instant signInHeldBackUntil,
            @Nullable Instant lastSignInAt,
            Instant createdAt) {}

    record NewOperator(String username, @Nullable String displayName, String role, String password) {}

    record OperatorChange(
            @Nullable String displayName,
            @Nullable String role,
            @Nullable Boolean disabled) {}

    record PasswordChange(String password) {}

    record RoleView(Role role, List<PermissionView> permissions) {}

    record PermissionView(Permission authority, String description) {}

    @GetMapping("/api/v1/operators")
    @PreAuthorize("hasAuthority('operators:manage')")
    List<OperatorView> list() {
        return accounts.all().stream().map(this::view).toList();
    }

    @PostMapping("/api/v1/operators")
    @PreAuthorize("hasAuthority('operators:manage')")
    ResponseEntity<OperatorView> create(@RequestBody NewOperator body) {
        var role = body.role() == null ? null : Role.parse("role", body.role());
        var operator = accounts.create(body.username(), body.displayName(), role, body.password());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(operator));
    }

    @GetMapping("/api/v1/operators/{id}")
    @PreAuthorize("hasAuthority('operators:manage')")
    OperatorView get(@PathVariable long id) {
        return view(accounts.get(id));
    }

    @PatchMapping("/api/v1/operators/{id}")
    @PreAuthorize("hasAuthority('operators:manage')")
    OperatorView update(@PathVariable long id, @RequestBody OperatorChange body) {
        var role = body.role() == null ? null : Role.parse("role", body.role());
        return view(accounts.update(id, body.displayName(), role, body.disabled()));
    }

    @PutMapping("/api/v1/operators/{id}/password")
    @PreAuthorize("hasAuthority('operators:manage')")
    ResponseEntity<Void> changePassword(
            @PathVariable long id,
            @RequestBody PasswordChange body,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response) {
        var changed = accounts.changePassword(id, body.password());
        // every session of the operator ends, except the one that set its own new password: it carries on under a new
        // id and CSRF token, so that a copy of it taken before is worth nothing
        if (caller.getPrincipal() instanceof OperatorPrincipal self
                && self.kind() == OperatorPrincipal.Kind.OPERATOR
                && self.id() == id) {
            request.changeSessionId();
            SessionFollowsAccount.establish(OperatorPrincipal.of(changed), request, response, contexts);
            csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        }
        return ResponseEntity.noContent().build();
    }

    /** Lets every address try this operator's user name again, after too many failed sign-ins. */
    @PostMapping("/api/v1/operators/{id}/unlock")
    @PreAuthorize("hasAuthority('operators:manage')")
    OperatorView unlock(@PathVariable long id) {
        accounts.releaseSignIn(id);
        return view(accounts.get(id));
    }

    /** The permission matrix: what each role may do. Any signed-in operator may read it. */
    @GetMapping("/api/v1/roles")
    @PreAuthorize("isAuthenticated()")
    List<RoleView> roles() {
        return Arrays.stream(Role.values())
                .map(role -> new RoleView(
                        role,
                        role.permissions().stream()
                                .sorted()
                                .map(p -> new PermissionView(p, p.description()))
                                .toList()))
                .toList();
    }

    @GetMapping("/api/v1/permissions")
    @PreAuthorize("isAuthenticated()")
    List<PermissionView> permissions() {
        return Arrays.stream(Permission.values())
                .map(p -> new PermissionView(p, p.description()))
                .toList();
    }

    private OperatorView view(Operator operator) {
        var heldBackUntil = accounts.signInHeldBackUntil(operator);
        return new OperatorView(
                operator.id(),
                operator.username(),
                operator.displayName(),
                operator.role(),
                operator.disabled(),
                heldBackUntil.isPresent(),
                heldBackUntil.orElse(null),
                operator.lastSignInAt(),
                operator.createdAt());
    }
}
