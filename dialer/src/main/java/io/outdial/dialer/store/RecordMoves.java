package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a record after its claim: its status moves (a call's result, back to Ready, cancelled, a
 * treatment's retry or the chain's next number, a callback) and an agent's changes to a record in hand (its number,
 * its custom fields). Every move follows {@link RecordStatus}'s table and is guarded in SQL, and a Retrieved record
 * moves only for the gateway holding its lease. Part of {@link CallingListStore}, which documents each move.
 */
final class RecordMoves {

    private static final Logger log = LoggerFactory.getLogger(RecordMoves.class);

    private final DataSource pool;
    private final Clock clock;
    private final ClaimSettings claims;

    RecordMoves(DataSource pool, Clock clock, ClaimSettings claims) {
        this.pool = pool;
        this.clock = clock;
        this.claims = claims;
    }

    /** Retrieved to Updated with {@code result}, no attempt counted: the pre-dial check refused the record. */
    void refuseDial(long recordId, CallResult result) {
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.UPDATED, ", call_result = ?", result.code());
    }

    void complete(long recordId, CallResult result, Instant callTime, String agentId) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(callTime, "callTime");
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.UPDATED,
                ", call_result = ?, call_time = ?, agent_id = ?, attempt = attempt + 1", result.code(), callTime,
                agentId);
    }

    void changeResult(long recordId, CallResult result, String agentId) {
        Objects.requireNonNull(result, "result");
        move(recordId, RecordStatus.UPDATED, RecordStatus.UPDATED,
                ", call_result = ?, agent_id = COALESCE(?, agent_id)", result.code(), agentId);
    }

    void returnToReady(long recordId) {
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.READY, "");
    }

    void returnToTop(long recordId) {
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.READY, ", list_top = TRUE");
    }

    void cancel(long recordId, CallResult result, String agentId) {
        Objects.requireNonNull(result, "result");
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.CANCELLED, ", call_result = ?, agent_id = ?",
                result.code(), agentId);
    }

    void reschedule(long recordId, Instant dialSchedTime) {
        Objects.requireNonNull(dialSchedTime, "dialSchedTime");
        move(recordId, RecordStatus.UPDATED, RecordStatus.READY, ", dial_sched_time = ?, record_type = ?",
                dialSchedTime, RecordType.CAMPAIGN_RESCHEDULED.name());
    }

    void applyTreatment(long recordId, TreatmentStep step) {
        Objects.requireNonNull(step, "step");
        switch (step.kind()) {
            case RETRY:
                reschedule(recordId, step.due());
                return;
            case CANCEL:
                move(recordId, RecordStatus.UPDATED, RecordStatus.CANCELLED, "");
                endChain(recordId);
                return;
            case NEXT_IN_CHAIN:
                nextInChain(recordId, step.due());
                return;
            case DONE:
                endChain(recordId);
                return;
            default:
                throw new IllegalStateException("unknown treatment step " + step.kind());
        }
    }

    private void endChain(long recordId) {
        chainUpdate(recordId, "UPDATE calling_record SET record_status = 'CHAIN_UPDATED', updated_at = ?"
                + " WHERE campaign = ? AND chain_id = ? AND record_id <> ? AND record_status = 'READY'", null);
    }

    private void nextInChain(long recordId, Instant due) {
        chainUpdate(recordId, "UPDATE calling_record SET updated_at = ?, dial_sched_time = CASE WHEN"
                + " dial_sched_time IS NULL OR dial_sched_time < ? THEN ? ELSE dial_sched_time END"
                + " WHERE campaign = ? AND chain_id = ? AND record_id <> ? AND record_status = 'READY'", due);
    }

    private void chainUpdate(long recordId, String sql, Instant due) {
        try (Connection c = pool.getConnection()) {
            CallingRecord record = RecordRows.find(c, recordId)
                    .orElseThrow(() -> new NoSuchElementException("no calling record " + recordId));
            if (record.chainId() == null) {
                return;
            }
            int changed = due == null
                    ? update(c, sql, clock.instant(), record.campaign(), record.chainId(), recordId)
                    : update(c, sql, clock.instant(), due, due, record.campaign(), record.chainId(), recordId);
            log.info("campaign {}: chain {} after record {}: {} other number(s) {}", record.campaign(),
                    record.chainId(), recordId, changed, due == null ? "closed" : "due " + due);
        } catch (SQLException e) {
            throw new StoreException("updating the chain of record " + recordId + " failed", e);
        }
    }

    void scheduleCallback(long recordId, Instant at, RecordType type, String agentId, String phone,
                          String phoneType, Integer dailyFrom, Integer dailyTill) {
        Objects.requireNonNull(at, "at");
        if (type != RecordType.PERSONAL_CALLBACK && type != RecordType.CAMPAIGN_CALLBACK) {
            throw new IllegalArgumentException("a callback is PERSONAL_CALLBACK or CAMPAIGN_CALLBACK, not " + type);
        }
        String number = phone == null ? null : CallingListStore.normalisePhone(phone);
        move(recordId, RecordStatus.UPDATED, RecordStatus.READY, ", dial_sched_time = ?, record_type = ?,"
                + " agent_id = COALESCE(?, agent_id), contact_info = COALESCE(?, contact_info),"
                + " contact_info_type = COALESCE(?, contact_info_type), daily_from = COALESCE(?, daily_from),"
                + " daily_till = COALESCE(?, daily_till)", at, type.name(), agentId, number, phoneType, dailyFrom,
                dailyTill);
    }

    CallingRecord changeNumber(long recordId, String phone, String phoneType) {
        String number = CallingListStore.normalisePhone(phone);
        try (Connection c = pool.getConnection()) {
            int changed = update(c, "UPDATE calling_record SET contact_info = ?, contact_info_type = ?, updated_at = ?"
                    + " WHERE record_id = ? AND record_status = ?", number, phoneType, clock.instant(), recordId,
                    RecordStatus.RETRIEVED.name());
            if (changed == 0) {
                throw new IllegalStateException("record " + recordId + " is not a previewed record: its number"
                        + " cannot be changed");
            }
            return RecordRows.find(c, recordId).orElseThrow();
        } catch (SQLException e) {
            throw new StoreException("changing the number of record " + recordId + " failed", e);
        }
    }

    CallingRecord updateCustomFields(long recordId, Map<String, String> changes) {
        try (Connection c = pool.getConnection()) {
            return RecordRows.inTransaction(c, tx -> {
                CallingRecord record = RecordRows.findForUpdate(tx, recordId)
                        .orElseThrow(() -> new NoSuchElementException("no calling record " + recordId));
                Map<String, String> fields = new LinkedHashMap<>(record.customFields());
                fields.putAll(changes);
                update(tx, "UPDATE calling_record SET custom_fields = ?, updated_at = ? WHERE record_id = ?",
                        RecordRows.json(fields), clock.instant(), recordId);
                return RecordRows.find(tx, recordId).orElseThrow();
            });
        } catch (SQLException e) {
            throw new StoreException("updating the custom fields of record " + recordId + " failed", e);
        }
    }

    /**
     * Moves one record {@code from -> to}, setting {@code assignments} too. The move must be in the table; the SQL
     * guard on the current status decides races, and a record found in another status is an illegal move.
     */
    private void move(long recordId, RecordStatus from, RecordStatus to, String assignments, Object... values) {
        from.moveTo(to);
        // A Retrieved record moves only for the gateway holding its lease: once a lapsed lease was reclaimed (and
        // the record perhaps claimed again elsewhere), the old holder's late write changes nothing.
        boolean leased = from == RecordStatus.RETRIEVED;
        Object[] all = new Object[values.length + (leased ? 5 : 4)];
        all[0] = to.name();
        all[1] = clock.instant();
        System.arraycopy(values, 0, all, 2, values.length);
        all[values.length + 2] = recordId;
        all[values.length + 3] = from.name();
        if (leased) {
            all[values.length + 4] = claims.gatewayId();
        }
        try (Connection c = pool.getConnection()) {
            int moved = update(c, "UPDATE calling_record SET record_status = ?, updated_at = ?" + assignments
                    + " WHERE record_id = ? AND record_status = ?"
                    + (leased ? " AND (lease_gateway IS NULL OR lease_gateway = ?)" : ""), all);
            if (moved == 0) {
                RecordStatus actual = RecordRows.find(c, recordId).map(CallingRecord::status)
                        .orElseThrow(() -> new NoSuchElementException("no calling record " + recordId));
                throw new IllegalStateException(actual == from
                        ? "record " + recordId + " is leased to another gateway: cannot move it to " + to
                        : "record " + recordId + " is " + actual + ", not " + from + ": cannot move it to " + to);
            }
        } catch (SQLException e) {
            throw new StoreException("moving record " + recordId + " to " + to + " failed", e);
        }
    }
}
