package io.siyu.access.internal.operators;

import io.siyu.access.AuditLog;
import io.siyu.access.Role;
import io.siyu.shared.ConflictException;
import io.siyu.shared.InvalidInputException;
import io.siyu.shared.NotFoundException;
import io.siyu.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' accounts: creation, roles, passwords and the sign-in check.
 *
 * <p>Sign-in answers the same for an unknown user name, a wrong password and a disabled account, and costs the same
 * hashing time for each, so neither answers nor response times reveal which user names exist. Guessing is slowed per
 * client by {@link SignInThrottle}, never by locking the account for everyone.
 */
@Service
public class OperatorAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    static final int MAX_USERNAME_LENGTH = 64;
    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 200;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private final OperatorStore store;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final String unknownUserHash;

    public OperatorAccounts(
            OperatorStore store, PasswordEncoder passwords, SignInThrottle throttle, AuditLog audit, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.unknownUserHash = passwords.encode("not a password of anyone");
    }

    /** The outcome of a sign-in attempt. */
    public sealed interface SignIn {
        record Accepted(Operator operator) implements SignIn {}

        record Rejected() implements SignIn {}

        /** This client has failed too often for this name, or for any name; it may try again at {@code until}. */
        record HeldBack(Instant until) implements SignIn {}
    }

    /**
     * Checks a user name and password sent from {@code client} (the caller's address). Deliberately outside a
     * transaction: hashing takes a tenth of a second, and a burst of sign-ins must not hold the database's connections
     * while it runs; each step that writes commits on its own.
     *
     * @throws InvalidInputException when a field is longer than any user name or password can be
     */
    public SignIn signIn(String username, String password, String client) {
        var violations = new ArrayList<Violation>();
        if (username != null && username.length() > MAX_USERNAME_LENGTH) {
            violations.add(new Violation(
                    "username", "max-length", "must have at most " + MAX_USERNAME_LENGTH + " characters"));
        }
        if (password != null && password.length() > MAX_PASSWORD_LENGTH) {
            violations.add(new Violation(
                    "password", "max-length", "must have at most " + MAX_PASSWORD_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var name = username == null ? "" : username.strip();
        var heldBack = throttle.admit(client, name);
        if (heldBack.isPresent()) {
            audit.record("session.sign-in-refused", "operator:" + name, Map.of("reason", "held back"));
            return new SignIn.HeldBack(heldBack.get());
        }
        var found = store.byUsername(name).filter(operator -> !operator.disabled());
        var hash = found.map(Operator::passwordHash).orElse(unknownUserHash);
        var matches = passwords.matches(password == null ? "" : password, hash);
        if (found.isEmpty() || !matches) {
            audit.record("session.sign-in-failed", "operator:" + name, Map.of());
            return throttle.failed(client, name)
                    .<SignIn>map(SignIn.HeldBack::new)
                    .orElseGet(SignIn.Rejected::new);
        }
        var operator = found.get();
        throttle.succeeded(client, name);
        store.recordSignIn(operator.id(), clock.instant());
        if (passwords.upgradeEncoding(operator.passwordHash())) {
            store.upgradePasswordHash(operator.id(), operator.passwordHash(), passwords.encode(password));
        }
        return new SignIn.Accepted(operator);
    }

    public List<Operator> all() {
        return store.all();
    }

    public Operator get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("operator", id));
    }

    @Transactional
    public Operator create(String username, String displayName, Role role, String password) {
        var violations = new ArrayList<Violation>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            violations.add(new Violation("username", "pattern", "3 to 64 letters, digits or . _ @ - characters"));
        }
        passwordRules(password).ifPresent(violations::add);
        displayNameRules(displayName).ifPresent(violations::add);
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
        displayNameRules(displayName).ifPresent(v -> {
            throw new InvalidInputException(List.of(v));
        });
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

    /**
     * Sets a new password; every session signed in before ends.
     *
     * @return the operator as the password left it, with the new session epoch
     */
    @Transactional
    public Operator changePassword(long id, String password) {
        get(id);
        passwordRules(password).ifPresent(v -> {
            throw new InvalidInputException(List.of(v));
        });
        store.changePassword(id, passwords.encode(password), clock.instant());
        audit.record("operator.password-changed", "operator:" + id, Map.of());
        return get(id);
    }

    /** Lets every client try this operator's user name again at once. */
    @Transactional
    public void releaseSignIn(long id) {
        throttle.release(get(id).username());
        audit.record("operator.sign-in-released", "operator:" + id, Map.of());
    }

    /** Until when some client is held back from signing in as this operator. */
    public Optional<Instant> signInHeldBackUntil(Operator operator) {
        return throttle.heldBackUntil(operator.username());
    }

    /** Creates an operator unless one with that user name exists; used by bootstrap and the demo. */
    @Transactional
    public void ensure(String username, String displayName, Role role, String password) {
        if (store.byUsername(username).isEmpty()) {
            create(username, displayName, role, password);
        }
    }

    public boolean anyOperator() {
        return store.any();
    }

    private long activeAdmins() {
        return store.all().stream()
                .filter(o -> o.role() == Role.ADMIN && !o.disabled())
                .count();
    }

    private static Optional<Violation> displayNameRules(String displayName) {
        if (displayName != null && displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            return Optional.of(new Violation(
                    "displayName", "max-length", "must have at most " + MAX_DISPLAY_NAME_LENGTH + " characters"));
        }
        return Optional.empty();
    }

    private static Optional<Violation> passwordRules(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of(new Violation(
                    "password", "min-length", "must have at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.of(new Violation(
                    "password", "max-length", "must have at most " + MAX_PASSWORD_LENGTH + " characters"));
        }
        return Optional.empty();
    }
}
