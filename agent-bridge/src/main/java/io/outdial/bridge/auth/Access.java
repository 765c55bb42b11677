package io.outdial.bridge.auth;

/** What an HTTP route asks of its caller. Every route in the router's table names one. */
public enum Access {
    /** Anyone: pages' static files, {@code /health}, the login itself. */
    PUBLIC(null),
    /** A supervisor or admin: campaign actions, uploads, the live view. */
    SUPERVISOR(Role.SUPERVISOR),
    /** An admin: configuration-level actions, agents' SIP passwords, exports of personal data, the audit log. */
    ADMIN(Role.ADMIN),
    /** {@code /metrics}: a supervisor or admin, or the scrape token. */
    METRICS(Role.SUPERVISOR);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    /** The least role that passes, or null for {@link #PUBLIC}. */
    public Role role() {
        return role;
    }
}
