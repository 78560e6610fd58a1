package io.siyu.access.internal.operators;

import io.siyu.access.Role;
import java.io.Serializable;

/**
 * The signed-in operator (or API token) behind a request.
 *
 * @param sessionEpoch the operator's session epoch when the session signed in; 0 for API tokens
 */
public record OperatorPrincipal(long id, String username, String displayName, Role role, Kind kind, int sessionEpoch)
        implements Serializable {

    public enum Kind {
        OPERATOR,
        API_TOKEN
    }

    public static OperatorPrincipal of(Operator operator) {
        return new OperatorPrincipal(
                operator.id(),
                operator.username(),
                operator.displayName(),
                operator.role(),
                Kind.OPERATOR,
                operator.sessionEpoch());
    }

    /** Who this is, unambiguously: an operator and a token may share a name, never a key. */
    public String key() {
        return (kind == Kind.OPERATOR ? "operator:" : "api-token:") + id;
    }

    @Override
    public String toString() {
        return kind == Kind.OPERATOR ? username : "token:" + username;
    }
}
