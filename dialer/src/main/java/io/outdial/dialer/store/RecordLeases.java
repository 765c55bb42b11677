package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import io.outdial.dialer.record.CallResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases on Retrieved records (ADR 0016, migration V12): every claim leases its record to the claiming gateway
 * until {@code lease_until}; the gateway renews its leases while it lives and notes how far each call got (dialed,
 * answered). A lease that lapsed belongs to a dead gateway: any gateway reclaims the record. Never dialed: back to
 * Ready. Dialed: Updated with System Error, the attempt counted, no treatment (nobody knows what the contact heard).
 * Answered: the same, and its number held back by the 72-hour no-redial rule (an abandoned_call row; the day's
 * abandonment rate is not touched, that counts only calls a gateway saw through). Part of {@link CallingListStore}.
 */
public final class RecordLeases {
    private static final Logger log = LoggerFactory.getLogger(RecordLeases.class);
    /** Lapsed records settled per sweep transaction; the sweep runs again until none is left. */
    private static final int SWEEP_BATCH = 200;

    private final DataSource pool;
    private final String lock;
    private final Clock clock;
    private final ClaimSettings claims;

    RecordLeases(DataSource pool, StoreVendor vendor, Clock clock, ClaimSettings claims) {
        this.pool = pool;
        this.lock = vendor.skipLocked();
        this.clock = clock;
        this.claims = claims;
    }

    /** What a reclaim did: records back to Ready, records closed with System Error, numbers held back 72 h. */
    public record Reclaimed(int ready, int systemError, int heldBack) {
        public int total() {
            return ready + systemError;
        }

        Reclaimed plus(Reclaimed o) {
            return new Reclaimed(ready + o.ready, systemError + o.systemError, heldBack + o.heldBack);
        }

        @Override
        public String toString() {
            return ready + " back to Ready, " + systemError + " closed with System Error (" + heldBack
                    + " answered: number held back by the no-redial rule)";
        }
    }

    /** Who holds a Retrieved record, and until when. */
    public record Lease(String gatewayId, Instant until) {
    }

    public ClaimSettings settings() {
        return claims;
    }

    /** Extends every lease this gateway holds by a full lease duration from now; returns how many. */
    public int renew() {
        Instant now = clock.instant();
        try (Connection c = pool.getConnection()) {
            return update(c, "UPDATE calling_record SET lease_until = ? WHERE lease_gateway = ?"
                    + " AND record_status = 'RETRIEVED'", now.plus(claims.leaseDuration()), claims.gatewayId());
        } catch (SQLException e) {
            throw new StoreException("renewing the leases of gateway " + claims.gatewayId() + " failed", e);
        }
    }

    /** The record's contact is being dialed under this gateway's claim (a lapse now ends it System Error). */
    public void dialed(long recordId) {
        mark(recordId, "dialed_at");
    }

    /** The record's contact answered under this gateway's claim (a lapse now also holds the number back). */
    public void answered(long recordId) {
        mark(recordId, "answered_at");
    }

    private void mark(long recordId, String column) {
        try (Connection c = pool.getConnection()) {
            // No row when the call already ended (record Updated) or the lease was reclaimed: nothing to note.
            update(c, "UPDATE calling_record SET " + column + " = COALESCE(" + column + ", ?) WHERE record_id = ?"
                    + " AND record_status = 'RETRIEVED' AND lease_gateway = ?", clock.instant(), recordId,
                    claims.gatewayId());
        } catch (SQLException e) {
            throw new StoreException("noting " + column + " of record " + recordId + " failed", e);
        }
    }

    /** The lease on a Retrieved record, empty when it is not Retrieved or carries no lease. */
    public Optional<Lease> of(long recordId) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT lease_gateway, lease_until FROM calling_record"
                     + " WHERE record_id = ? AND record_status = 'RETRIEVED' AND lease_gateway IS NOT NULL")) {
            ps.setLong(1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Lease(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the lease of record " + recordId + " failed", e);
        }
    }

    /** Settles every Retrieved record whose lease lapsed before now, whoever held it. Any gateway, periodically. */
    public Reclaimed reclaimLapsed() {
        Reclaimed r = sweep(" AND lease_until < ?", clock.instant());
        if (r.total() > 0) {
            log.warn("lapsed leases reclaimed (a gateway stopped renewing): {}", r);
        }
        return r;
    }

    /** At start-up: settles the Retrieved records this gateway (same id) or a pre-lease run left, lapsed or not. */
    Reclaimed recoverOwn() {
        return sweep(" AND (lease_gateway IS NULL OR lease_gateway = ?)", claims.gatewayId());
    }

    private Reclaimed sweep(String condition, Object value) {
        Reclaimed total = new Reclaimed(0, 0, 0);
        try (Connection c = pool.getConnection()) {
            while (true) {
                Reclaimed batch = RecordRows.inTransaction(c, tx -> settleBatch(tx, condition, value));
                total = total.plus(batch);
                if (batch.total() < SWEEP_BATCH) {
                    return total;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reclaiming lapsed leases failed", e);
        }
    }

    private record Lapsed(long id, String phone, String campaign, Instant dialed, Instant answered) {
    }

    private Reclaimed settleBatch(Connection tx, String condition, Object value) throws SQLException {
        List<Lapsed> lapsed = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement("SELECT record_id, contact_info, campaign, dialed_at,"
                + " answered_at FROM calling_record WHERE record_status = 'RETRIEVED'" + condition
                + " ORDER BY record_id FETCH FIRST " + SWEEP_BATCH + " ROWS ONLY" + lock)) {
            if (value instanceof Instant at) {
                RecordRows.setInstant(ps, 1, at);
            } else {
                ps.setObject(1, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lapsed.add(new Lapsed(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                            instant(rs, 5)));
                }
            }
        }
        int ready = 0;
        int systemError = 0;
        int heldBack = 0;
        Instant now = clock.instant();
        for (Lapsed l : lapsed) {
            if (l.dialed() == null && l.answered() == null) {
                ready += update(tx, "UPDATE calling_record SET record_status = 'READY', lease_gateway = NULL,"
                        + " lease_until = NULL, updated_at = ? WHERE record_id = ? AND record_status = 'RETRIEVED'",
                        now, l.id());
                continue;
            }
            Instant callTime = l.dialed() != null ? l.dialed() : l.answered();
            int closed = update(tx, "UPDATE calling_record SET record_status = 'UPDATED', call_result = ?,"
                    + " call_time = ?, attempt = attempt + 1, lease_gateway = NULL, lease_until = NULL,"
                    + " updated_at = ? WHERE record_id = ? AND record_status = 'RETRIEVED'",
                    CallResult.SYSTEM_ERROR.code(), callTime, now, l.id());
            systemError += closed;
            if (closed == 1 && l.answered() != null) {
                update(tx, "INSERT INTO abandoned_call (phone, campaign, abandoned_at) VALUES (?, ?, ?)", l.phone(),
                        l.campaign(), l.answered());
                heldBack++;
            }
            log.warn("campaign {}: record {} ({}) was on a call when its gateway stopped ({}): System Error",
                    l.campaign(), l.id(), l.phone(), l.answered() != null ? "answered" : "dialed, not answered");
        }
        return new Reclaimed(ready, systemError, heldBack);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
