package io.outdial.bridge.auth;

/**
 * Where the bridge reports what security needs kept: audit entries (stored by the dialer) and login failures
 * (logged and counted). Called on event loops and worker threads: implementations must not block.
 */
public interface SecurityEvents {

    /** Where a login was tried. */
    enum Door { HTTP, CTI }

    /** Why a login failed. */
    enum Failure { BAD_CREDENTIALS, THROTTLED }

    /** An action to keep in the audit log. */
    void audit(AuditEntry entry);

    /** A refused login; {@code account} is as typed (never the password). */
    void loginFailed(Door door, Failure why, String account, String source);

    /** Reports nothing (bridge tests). */
    SecurityEvents NONE = new SecurityEvents() {
        @Override
        public void audit(AuditEntry entry) {
        }

        @Override
        public void loginFailed(Door door, Failure why, String account, String source) {
        }
    };
}
