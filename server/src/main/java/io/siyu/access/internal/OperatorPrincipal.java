package io.siyu.access.internal;

import io.siyu.access.Role;
import java.io.Serializable;

/** The signed-in operator (or API token) behind a request. */
record OperatorPrincipal(long id, String username, String displayName, Role role, Kind kind) implements Serializable {

    enum Kind {
        OPERATOR,
        API_TOKEN
    }

    @Override
    public String toString() {
        return kind == Kind.OPERATOR ? username : "token:" + username;
    }
}
