package io.outdial.bridge.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Where the bridge reports what security needs kept: audit entries (stored by the dialer) and login failures
 * (logged and counted). Called on event loops and worker threads: implementations must not block.
 */
public interface SecurityEvents {

    /** Where a login was tried. */
    enum Door { HTTP, CTI }

    /** Why a login failed. */
    enum Failure { BAD_CREDENTIALS, THROTTLED }

    /**
     * An action to keep in the audit log; completes once it is kept (the answer waits for it, so an action is never
     * acknowledged unaudited and a later read of the log shows it).
     */
    CompletableFuture<Void> audit(AuditEntry entry);

    /** A refused login; {@code account} is as typed (never the password). */
    void loginFailed(Door door, Failure why, String account, String source);

    /** Reports nothing (bridge tests). */
    SecurityEvents NONE = new SecurityEvents() {
        @Override
        public CompletableFuture<Void> audit(AuditEntry entry) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void loginFailed(Door door, Failure why, String account, String source) {
        }
    };
}
