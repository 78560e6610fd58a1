package io.siyu.access;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the caller of the current request may see; modules use it to mask personal data. */
public final class Viewer {

    private Viewer() {}

    public static boolean may(Permission permission) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(permission.authority()::equals);
    }

    public static boolean maySeePersonalData() {
        return may(Permission.PERSONAL_DATA_READ);
    }

    /**
     * Refuses ({@link PersonalDataRequired}) a comparison of customer data with personal data, such as a search by
     * phone number, unless the caller may see personal data: to a caller who sees them masked, its answers would
     * reveal the hidden digits one guess at a time. {@code comparison} says what was asked ("looking customers up by
     * phone number").
     */
    public static void requirePersonalData(String field, String comparison) {
        if (!maySeePersonalData()) {
            throw new PersonalDataRequired(field, comparison);
        }
    }

    /** The name written to the audit log for the current caller, {@code system} outside a request. */
    public static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
