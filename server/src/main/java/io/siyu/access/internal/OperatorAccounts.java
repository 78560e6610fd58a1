package io.siyu.access.internal;

import io.siyu.access.AuditLog;
import io.siyu.access.Role;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' accounts: creation, roles, passwords and the sign-in check with lock-out.
 *
 * <p>Lock-out: {@value #LOCK_THRESHOLD} wrong passwords in a row lock the account for {@link #LOCK_DURATION}; an
 * admin may unlock it sooner. A wrong password for an unknown user name costs the same hashing time as for a known
 * one, so response times do not reveal which user names exist.
 */
@Service
class OperatorAccounts {

    static final int LOCK_THRESHOLD = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    static final int MIN_PASSWORD_LENGTH = 10;

    private final OperatorStore store;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final String unknownUserHash;

    OperatorAccounts(OperatorStore store, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.unknownUserHash = passwords.encode("not a password of anyone");
    }

    /** The outcome of a sign-in attempt. */
    sealed interface SignIn {
        record Accepted(Operator operator) implements SignIn {}

        record Rejected() implements SignIn {}

        record Locked(Instant until) implements SignIn {}
    }

    @Transactional
    public SignIn signIn(String username, String password) {
        var now = clock.instant();
        var found = store.byUsername(username == null ? "" : username);
        if (found.isEmpty()) {
            passwords.matches(password == null ? "" : password, unknownUserHash);
            audit.record("session.sign-in-failed", "operator:" + username, Map.of("reason", "unknown user name"));
            return new SignIn.Rejected();
        }
        var operator = found.get();
        if (operator.lockedAt(now)) {
            audit.record("session.sign-in-refused", "operator:" + operator.id(), Map.of("reason", "locked"));
            return new SignIn.Locked(operator.lockedUntil());
        }
        if (operator.disabled() || !passwords.matches(password == null ? "" : password, operator.passwordHash())) {
            var lockedUntil = store.recordFailure(operator.id(), LOCK_THRESHOLD, now.plus(LOCK_DURATION));
            audit.record(
                    "session.sign-in-failed",
                    "operator:" + operator.id(),
                    Map.of("reason", operator.disabled() ? "disabled" : "wrong password"));
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                audit.record("operator.locked", "operator:" + operator.id(), Map.of("until", lockedUntil.toString()));
                return new SignIn.Locked(lockedUntil);
            }
            return new SignIn.Rejected();
        }
        store.recordSuccess(operator.id(), now);
        if (passwords.upgradeEncoding(operator.passwordHash())) {
            store.changePassword(operator.id(), passwords.encode(password), now);
        }
        return new SignIn.Accepted(operator);
    }

    List<Operator> all() {
        return store.all();
    }

    Operator get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("operator", id));
    }

    @Transactional
    public Operator create(String username, String displayName, Role role, String password) {
        var violations = new ArrayList<Violation>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            violations.add(new Violation("username", "pattern", "3 to 64 letters, digits or . _ @ - characters"));
        }
        passwordRules(password).ifPresent(violations::add);
        if (role == null) {
            violations.add(new Violation("role", "required", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (store.byUsername(username).isPresent()) {
            throw new ConflictException("unique", "the user name '" + username + "' is taken");
        }
        var name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        var id = store.insert(username, name, role, passwords.encode(password), clock.instant());
        audit.record("operator.created", "operator:" + id, Map.of("username", username, "role", role.name()));
        return get(id);
    }

    @Transactional
    public Operator update(long id, String displayName, Role role, Boolean disabled) {
        var operator = get(id);
        var newName = displayName == null || displayName.isBlank() ? operator.displayName() : displayName.strip();
        var newRole = role == null ? operator.role() : role;
        var newDisabled = disabled == null ? operator.disabled() : disabled;
        if (operator.role() == Role.ADMIN && (newRole != Role.ADMIN || newDisabled) && activeAdmins() <= 1) {
            throw new ConflictException(
                    "last-admin", "the last active admin cannot lose the admin role or be disabled");
        }
        store.update(id, newName, newRole, newDisabled, clock.instant());
        audit.record(
                "operator.updated",
                "operator:" + id,
                Map.of("role", newRole.name(), "disabled", newDisabled, "displayName", newName));
        return get(id);
    }

    @Transactional
    public void changePassword(long id, String password) {
        get(id);
        passwordRules(password).ifPresent(v -> {
            throw new InvalidInputException(List.of(v));
        });
        store.changePassword(id, passwords.encode(password), clock.instant());
        audit.record("operator.password-changed", "operator:" + id, Map.of());
    }

    @Transactional
    public void unlock(long id) {
        get(id);
        store.unlock(id, clock.instant());
        audit.record("operator.unlocked", "operator:" + id, Map.of());
    }

    /** Creates an operator unless one with that user name exists; used by bootstrap and the demo. */
    @Transactional
    public void ensure(String username, String displayName, Role role, String password) {
        if (store.byUsername(username).isEmpty()) {
            create(username, displayName, role, password);
        }
    }

    boolean anyOperator() {
        return store.any();
    }

    private long activeAdmins() {
        return store.all().stream()
                .filter(o -> o.role() == Role.ADMIN && !o.disabled())
                .count();
    }

    private static java.util.Optional<Violation> passwordRules(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return java.util.Optional.of(new Violation(
                    "password", "min-length", "must have at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (password.length() > 200) {
            return java.util.Optional.of(new Violation("password", "max-length", "must have at most 200 characters"));
        }
        return java.util.Optional.empty();
    }
}
