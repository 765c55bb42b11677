package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record in an agent's hands (preview, push preview, direct push preview) dialed on another record of the
 * contact's chain (ChangeNumber) or dialed again after its call ended (Recall, or ChangeNumber to an other phone
 * number). Each is one transaction that checks the calling window and the internal do-not-call list first and
 * changes nothing when it refuses. Part of {@link CallingListStore}.
 */
public final class AgentDials {
    /**
     * An agent's own dial (another number of the chain, ChangeNumber, Recall) is leased to this gateway like a claim
     * (ADR 0016), so that a stale lease of an earlier claim never reads as lapsed under the agent's call.
     */
    private static final String LEASE = "lease_gateway = ?, lease_until = ?, dialed_at = NULL, answered_at = NULL,";

    private static final Logger LOG = LoggerFactory.getLogger(AgentDials.class);

    private final DataSource pool;
    private final DoNotCallList doNotCall;
    private final Clock clock;

    private final ClaimSettings claims;

    AgentDials(DataSource pool, DoNotCallList doNotCall, Clock clock, ClaimSettings claims) {
        this.claims = claims;
        this.pool = pool;
        this.doNotCall = doNotCall;
        this.clock = clock;
    }

    /**
     * ChangeNumber to another record of the contact's chain: {@code otherId} (same campaign and chain_id as
     * {@code currentId}, Ready, not No Call, inside its calling window at {@code now}, not on the internal
     * do-not-call list) becomes Retrieved. {@code currentId} goes back to Ready as it was when it was only previewed
     * (Retrieved); when it was dialed in this interaction (Updated, with the call's result) it stays Updated, and
     * the caller applies its treatment. Otherwise nothing changes and the refusal says why.
     */
    public ChainSwitch switchToChainRecord(long currentId, long otherId, Instant now) {
        try (Connection c = pool.getConnection()) {
            return RecordRows.inTransaction(c, tx -> switchInChain(tx, currentId, otherId, now));
        } catch (SQLException e) {
            throw new StoreException("changing record " + currentId + " to record " + otherId + " failed", e);
        }
    }

    private ChainSwitch switchInChain(Connection c, long currentId, long otherId, Instant now) throws SQLException {
        CallingRecord current = RecordRows.findForUpdate(c, currentId)
                .orElseThrow(() -> new NoSuchElementException("no calling record " + currentId));
        if (current.status() != RecordStatus.RETRIEVED && current.status() != RecordStatus.UPDATED) {
            throw new IllegalStateException("record " + currentId + " is " + current.status()
                    + ", not in an agent's hands");
        }
        Optional<CallingRecord> found = RecordRows.findForUpdate(c, otherId);
        if (found.isEmpty() || otherId == currentId || current.chainId() == null
                || !current.campaign().equals(found.get().campaign())
                || !current.chainId().equals(found.get().chainId())) {
            return ChainSwitch.refused(ChainSwitch.Refusal.NOT_IN_CHAIN, "record " + otherId + " is not another"
                    + " record of this contact's chain" + (current.chainId() == null ? " (record " + currentId
                    + " has no chain_id)" : " (chain_id " + current.chainId() + ")"));
        }
        CallingRecord other = found.get();
        if (other.status() != RecordStatus.READY || other.recordType() == RecordType.NO_CALL) {
            return ChainSwitch.refused(ChainSwitch.Refusal.NOT_READY, "record " + otherId + " is "
                    + (other.recordType() == RecordType.NO_CALL ? "of type No Call" : other.status()
                    + (other.callResult() == null ? "" : " (" + other.callResult() + ")")) + ", not Ready to dial");
        }
        ChainSwitch refused = refusedToDial(c, other, other.contactInfo(), now);
        if (refused != null) {
            return refused;
        }
        update(c, "UPDATE calling_record SET record_status = 'RETRIEVED', " + LEASE + " list_top = FALSE,"
                + " updated_at = ? WHERE record_id = ? AND record_status = 'READY'", claims.gatewayId(), leaseEnd(),
                clock.instant(), otherId);
        if (current.status() == RecordStatus.RETRIEVED) {
            update(c, "UPDATE calling_record SET record_status = 'READY', updated_at = ? WHERE record_id = ?"
                    + " AND record_status = 'RETRIEVED'", clock.instant(), currentId);
        }
        LOG.info("campaign {}: record {} ({}) in the agent's hands in place of record {} ({}), which is {}",
                current.campaign(), otherId, other.contactInfo(), currentId, current.contactInfo(),
                current.status() == RecordStatus.RETRIEVED ? "Ready again" : "Updated (" + current.callResult() + ")");
        return ChainSwitch.made(RecordRows.find(c, otherId).orElseThrow());
    }

    /**
     * Recall, or ChangeNumber after the call: the record whose call in this interaction ended (Updated, its attempt
     * counted) is Retrieved again to be dialed, on {@code phone} of type {@code phoneType} when given (stored on the
     * record), else on its own number. Refused when the record is not Updated, its calling window is closed at
     * {@code now} or the number (or the customer id) is on the internal do-not-call list.
     */
    public ChainSwitch reopen(long recordId, String phone, String phoneType, Instant now) {
        String number = phone == null ? null : CallingListStore.normalisePhone(phone);
        try (Connection c = pool.getConnection()) {
            return RecordRows.inTransaction(c, tx -> reopenIn(tx, recordId, number, phoneType, now));
        } catch (SQLException e) {
            throw new StoreException("opening record " + recordId + " to be dialed again failed", e);
        }
    }

    private ChainSwitch reopenIn(Connection c, long recordId, String number, String phoneType, Instant now)
            throws SQLException {
        CallingRecord record = RecordRows.findForUpdate(c, recordId)
                .orElseThrow(() -> new NoSuchElementException("no calling record " + recordId));
        if (record.status() != RecordStatus.UPDATED) {
            return ChainSwitch.refused(ChainSwitch.Refusal.NOT_READY, "record " + recordId + " is "
                    + record.status() + ", not a record whose call just ended");
        }
        String dialed = number == null ? record.contactInfo() : number;
        ChainSwitch refused = refusedToDial(c, record, dialed, now);
        if (refused != null) {
            return refused;
        }
        RecordStatus.UPDATED.moveTo(RecordStatus.RETRIEVED);
        if (number == null) {
            update(c, "UPDATE calling_record SET record_status = 'RETRIEVED', " + LEASE + " updated_at = ?"
                    + " WHERE record_id = ?", claims.gatewayId(), leaseEnd(), clock.instant(), recordId);
        } else {
            update(c, "UPDATE calling_record SET record_status = 'RETRIEVED', " + LEASE + " contact_info = ?,"
                    + " contact_info_type = ?, updated_at = ? WHERE record_id = ?", claims.gatewayId(), leaseEnd(),
                    number, phoneType, clock.instant(), recordId);
        }
        LOG.info("campaign {}: record {} to be dialed again on {}", record.campaign(), recordId, dialed);
        return ChainSwitch.made(RecordRows.find(c, recordId).orElseThrow());
    }

    /**
     * Every record of {@code recordId}'s contact chain (same campaign and chain_id), in chain order; the record alone
     * when it has no chain_id.
     */
    public java.util.List<CallingRecord> chainOf(long recordId) {
        try (Connection c = pool.getConnection()) {
            CallingRecord record = RecordRows.find(c, recordId)
                    .orElseThrow(() -> new NoSuchElementException("no calling record " + recordId));
            if (record.chainId() == null) {
                return java.util.List.of(record);
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT " + RecordRows.COLUMNS
                    + " FROM calling_record WHERE campaign = ? AND chain_id = ? ORDER BY chain_n, record_id")) {
                ps.setString(1, record.campaign());
                ps.setString(2, record.chainId());
                return RecordRows.readAll(ps);
            }
        } catch (SQLException e) {
            throw new StoreException("reading the chain of record " + recordId + " failed", e);
        }
    }

    private ChainSwitch refusedToDial(Connection c, CallingRecord record, String phone, Instant now)
            throws SQLException {
        if (!record.isWithinCallingHours(now)) {
            return ChainSwitch.refused(ChainSwitch.Refusal.OUTSIDE_CALLING_WINDOW, "record " + record.recordId()
                    + " (" + phone + ") is outside its calling window now; it opens at "
                    + record.nextCallingWindowOpening(now));
        }
        if (doNotCall.onList(c, record, phone)) {
            return ChainSwitch.refused(ChainSwitch.Refusal.ON_DO_NOT_CALL_LIST, "record " + record.recordId() + " ("
                    + phone + ") is on the do-not-call list");
        }
        return null;
    }

    private java.time.Instant leaseEnd() {
        return clock.instant().plus(claims.leaseDuration());
    }
}
