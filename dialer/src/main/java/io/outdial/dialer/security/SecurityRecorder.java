package io.outdial.dialer.security;

import io.outdial.bridge.auth.AuditEntry;
import io.outdial.bridge.auth.SecurityEvents;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.store.AuditTrail;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the bridge reports: each audit entry in the store's audit log (written on the database pool) and in
 * the log; each refused login in the log and in {@code outdial_login_failures_total}.
 */
public final class SecurityRecorder implements SecurityEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityRecorder.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("io.outdial.audit");

    private final AuditTrail trail;
    private final Executor database;
    private final DialerMetrics metrics;

    public SecurityRecorder(AuditTrail trail, Executor database, DialerMetrics metrics) {
        this.trail = trail;
        this.database = database;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<Void> audit(AuditEntry e) {
        // The actor of a refused login is the name as typed: no control characters reach the log.
        AUDIT.info("{} ({}) {} -> {} from {}", e.actor().replaceAll("\\p{Cntrl}", "?"),
                e.role() == null ? "-" : e.role().wireName(), e.action(), e.status(), e.source());
        try {
            return CompletableFuture.runAsync(() -> trail.add(e), database).exceptionally(failure -> {
                LOG.error("audit entry not stored: {} {} {}", e.actor(), e.action(), e.status(), failure);
                return null;
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            LOG.error("audit entry not stored (stopping): {} {} {}", e.actor(), e.action(), e.status());
            return CompletableFuture.completedFuture(null);
        }
    }

    @Override
    public void loginFailed(Door door, Failure why, String account, String source) {
        // The account as typed, sanitised for the log line; the password never reaches here.
        String shown = account == null ? "" : account.replaceAll("[^A-Za-z0-9._@-]", "?");
        if (shown.length() > 64) {
            shown = shown.substring(0, 64) + "...";
        }
        LOG.warn("{} login refused ({}) for '{}' from {}", door.name().toLowerCase(java.util.Locale.ROOT),
                why.name().toLowerCase(java.util.Locale.ROOT), shown, source);
        metrics.loginFailed(door, why);
    }
}
