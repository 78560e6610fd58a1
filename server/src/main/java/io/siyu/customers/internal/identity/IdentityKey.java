package io.siyu.customers.internal.identity;

/** One identifier of a person: its type ({@code user_id}, {@code email}, {@code wechat_openid}...) and value. */
public record IdentityKey(String type, String value) {

    public boolean personal() {
        return IdentityRules.PERSONAL.contains(type);
    }

    int limitPerProfile() {
        return IdentityRules.LIMITS.getOrDefault(type, Integer.MAX_VALUE);
    }

    boolean handedOver() {
        return IdentityRules.HANDED_OVER.contains(type);
    }

    int priority() {
        var index = IdentityRules.PRIORITY.indexOf(type);
        return index < 0 ? IdentityRules.PRIORITY.indexOf(IdentityRules.EXTERNAL) : index;
    }

    @Override
    public String toString() {
        return type + ":" + (personal() ? "…" : value);
    }
}
