package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import io.outdial.dialer.pacing.compliance.AbandonedRedialFilter;
import io.outdial.dialer.record.CallResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims of Ready records: a record that passes the checks (internal do-not-call list, calling window,
 * no-redial after an abandon) moves to Retrieved, leased to this gateway (ADR 0016); one that fails goes back to
 * Ready (due when it may be dialed) or is closed, and the next candidate is tried. Concurrent callers, on this
 * gateway or another, never claim the same record. Part of {@link CallingListStore}.
 */
final class RecordClaims {

    private static final Logger log = LoggerFactory.getLogger(RecordClaims.class);

    /** Ready records fetched per look; a caller that loses all of them to concurrent callers looks again. */
    private static final int CANDIDATES = RetrievalTiers.CANDIDATES;
    private static final long NONE_READY = 0;
    private static final long ALL_TAKEN = -1;

    private final DataSource pool;
    private final DoNotCallList doNotCall;
    private final Clock clock;
    private final ClaimSettings claims;
    /** The row-lock clause of claims on this engine ({@link StoreVendor#skipLocked()}). */
    private final String lock;

    RecordClaims(DataSource pool, StoreVendor vendor, DoNotCallList doNotCall, Clock clock, ClaimSettings claims) {
        this.pool = pool;
        this.lock = vendor.skipLocked();
        this.doNotCall = doNotCall;
        this.clock = clock;
        this.claims = claims;
    }

    /**
     * Claims the next record of {@code campaign} in retrieval order ({@link RetrievalTiers}) for {@code agentId}
     * (a personal callback goes to its own agent only), under the no-redial rule; {@code screen} false leaves the
     * do-not-call check to the caller.
     */
    Optional<CallingRecord> next(String campaign, Instant now, int maxAttempts, String agentId,
                                 Duration noRedialAfterAbandon, boolean screen) {
        return claimNext(campaign, now, noRedialAfterAbandon, screen,
                c -> RetrievalTiers.nextReady(c, campaign, now, maxAttempts, agentId, lock));
    }

    /** Claims the Ready, due record of {@code chainId} with the lowest chain_n, under the same checks. */
    Optional<CallingRecord> fromChain(String campaign, String chainId, Instant now,
                                      Duration noRedialAfterAbandon, boolean screen) {
        return claimNext(campaign, now, noRedialAfterAbandon, screen, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT record_id FROM calling_record WHERE campaign = ?"
                    + " AND chain_id = ? AND record_status = 'READY' AND record_type <> 'NO_CALL'"
                    + " AND (dial_sched_time IS NULL OR dial_sched_time <= ?) ORDER BY chain_n, record_id"
                    + " FETCH FIRST " + CANDIDATES + " ROWS ONLY" + lock)) {
                ps.setString(1, campaign);
                ps.setString(2, chainId);
                RecordRows.setInstant(ps, 3, now);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /** Whether the record's contact has another number (same chain) Ready and due by {@code now}. */
    boolean chainHasDueNumber(long recordId, Instant now) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM calling_record r JOIN calling_record o"
                     + " ON o.campaign = r.campaign AND o.chain_id = r.chain_id AND o.record_id <> r.record_id"
                     + " WHERE r.record_id = ? AND o.record_status = 'READY' AND o.record_type <> 'NO_CALL'"
                     + " AND (o.dial_sched_time IS NULL OR o.dial_sched_time <= ?) FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, recordId);
            RecordRows.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the chain of record " + recordId + " failed", e);
        }
    }

    private interface Candidates {
        List<Long> find(Connection c) throws SQLException;
    }

    private Optional<CallingRecord> claimNext(String campaign, Instant now, Duration noRedialAfterAbandon,
                                              boolean screen, Candidates next) {
        AbandonedRedialFilter redial = new AbandonedRedialFilter(noRedialAfterAbandon);
        try (Connection c = pool.getConnection()) {
            while (true) {
                long id = claimOne(c, next);
                if (id == NONE_READY) {
                    return Optional.empty();
                }
                if (id == ALL_TAKEN) {
                    continue; // concurrent callers took every candidate: look again
                }
                Optional<CallingRecord> claimed = RecordRows.find(c, id);
                if (screen && claimed.isPresent() && doNotCall.onList(c, claimed.get())) {
                    // Never dialed: closed with the Do Not Call result, no attempt counted.
                    update(c, "UPDATE calling_record SET record_status = 'UPDATED', call_result = ?,"
                            + " updated_at = ? WHERE record_id = ? AND record_status = 'RETRIEVED'",
                            CallResult.DO_NOT_CALL.code(), clock.instant(), id);
                    log.info("campaign {}: record {} ({}) is on the do-not-call list, not dialed", campaign,
                            id, claimed.get().contactInfo());
                    continue;
                }
                if (claimed.isPresent() && !claimed.get().isWithinCallingHours(now)) {
                    Instant opens = claimed.get().nextCallingWindowOpening(now);
                    update(c, "UPDATE calling_record SET record_status = 'READY', dial_sched_time = ?,"
                            + " updated_at = ? WHERE record_id = ? AND record_status = 'RETRIEVED'",
                            opens, clock.instant(), id);
                    log.info("campaign {}: record {} ({}) is outside its calling window: due {}", campaign,
                            id, claimed.get().contactInfo(), opens);
                    continue;
                }
                Optional<Instant> abandoned = claimed.isPresent()
                        ? ContactLedger.lastAbandoned(c, claimed.get().contactInfo()) : Optional.empty();
                if (!redial.mayDial(abandoned, now)) {
                    Instant from = redial.dialableFrom(abandoned.get());
                    update(c, "UPDATE calling_record SET record_status = 'READY', dial_sched_time = ?,"
                            + " updated_at = ? WHERE record_id = ? AND record_status = 'RETRIEVED'",
                            from, clock.instant(), id);
                    log.info("campaign {}: record {} ({}) was abandoned at {}: not redialed before {}",
                            campaign, id, claimed.get().contactInfo(), abandoned.get(), from);
                    continue;
                }
                return claimed;
            }
        } catch (SQLException e) {
            throw new StoreException("retrieving from campaign " + campaign + " failed", e);
        }
    }

    /**
     * Claims the first candidate: Ready to Retrieved, leased to this gateway (ADR 0016). On PostgreSQL the
     * candidates are read {@code FOR UPDATE SKIP LOCKED} in the claim's transaction, so gateways claiming at once
     * each lock different rows instead of queueing on the same first ones; the status guard of the UPDATE decides
     * any race either way, so no record is ever claimed twice.
     */
    private long claimOne(Connection c, Candidates next) throws SQLException {
        return RecordRows.inTransaction(c, tx -> {
            List<Long> candidates = next.find(tx);
            if (candidates.isEmpty()) {
                return NONE_READY;
            }
            Instant now = clock.instant();
            for (long id : candidates) {
                if (update(tx, "UPDATE calling_record SET record_status = 'RETRIEVED', list_top = FALSE,"
                        + " updated_at = ?, lease_gateway = ?, lease_until = ?, dialed_at = NULL, answered_at = NULL"
                        + " WHERE record_id = ? AND record_status = 'READY'", now, claims.gatewayId(),
                        now.plus(claims.leaseDuration()), id) == 1) {
                    return id;
                }
            }
            return ALL_TAKEN;
        });
    }
}
