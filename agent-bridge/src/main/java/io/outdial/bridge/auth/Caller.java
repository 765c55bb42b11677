package io.outdial.bridge.auth;

/**
 * Who is asking, once authenticated.
 *
 * @param name   the user or token name (audit entries show it)
 * @param role   what it may do
 * @param method how it proved it
 */
public record Caller(String name, Role role, Method method) {

    /** How a caller was authenticated. */
    public enum Method {
        /** A browser session cookie (state-changing requests also need the session's CSRF token). */
        SESSION,
        /** An {@code Authorization: Bearer} API token. */
        TOKEN,
        /** The Prometheus scrape token (only {@code /metrics}). */
        SCRAPE_TOKEN,
        /** Lab open mode: no authentication at all. */
        OPEN
    }

    /** The caller of lab open mode: an anonymous admin. */
    public static final Caller OPEN_LAB = new Caller("open-lab", Role.ADMIN, Method.OPEN);
}
