package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Personal callbacks whose agent is absent (the sweep of {@code callbacks.absentAgent}): finding the due ones, handing
 * one to the whole campaign, or marking it missed. Part of {@link CallingListStore}.
 */
public final class PersonalCallbacks {
    private final DataSource pool;
    private final Clock clock;

    PersonalCallbacks(DataSource pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Ready personal callbacks of {@code campaign} due by {@code dueBy}, oldest first (the absent-agent sweep). */
    public List<CallingRecord> duePersonalCallbacks(String campaign, Instant dueBy) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + RecordRows.COLUMNS + " FROM calling_record"
                     + " WHERE campaign = ? AND record_status = 'READY' AND record_type = 'PERSONAL_CALLBACK'"
                     + " AND dial_sched_time <= ? ORDER BY dial_sched_time, record_id")) {
            ps.setString(1, campaign);
            RecordRows.setInstant(ps, 2, dueBy);
            return RecordRows.readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("reading the due personal callbacks of campaign " + campaign + " failed", e);
        }
    }

    /**
     * A Ready personal callback handed to the whole campaign (its agent is absent): typed Campaign CallBack, any
     * agent may get it. False if the record is no longer a Ready personal callback (its agent took it meanwhile).
     */
    public boolean handToCampaign(long recordId) {
        try (Connection c = pool.getConnection()) {
            return update(c, "UPDATE calling_record SET record_type = 'CAMPAIGN_CALLBACK', updated_at = ?"
                    + " WHERE record_id = ? AND record_status = 'READY' AND record_type = 'PERSONAL_CALLBACK'",
                    clock.instant(), recordId) == 1;
        } catch (SQLException e) {
            throw new StoreException("handing callback " + recordId + " to its campaign failed", e);
        }
    }

    /**
     * A Ready personal callback whose agent stayed absent: Missed CallBack, never retrieved again (its last result
     * is kept, and {@code note} goes into its contact history). False if it is no longer a Ready personal callback.
     */
    public boolean missCallback(long recordId, String interactionId, String note) {
        RecordStatus.READY.moveTo(RecordStatus.MISSED_CALLBACK);
        try (Connection c = pool.getConnection()) {
            return RecordRows.inTransaction(c, tx -> {
                Instant now = clock.instant();
                int moved = update(tx, "UPDATE calling_record SET record_status = 'MISSED_CALLBACK', updated_at = ?"
                        + " WHERE record_id = ? AND record_status = 'READY' AND record_type = 'PERSONAL_CALLBACK'",
                        now, recordId);
                if (moved == 1) {
                    CallingRecord r = RecordRows.find(tx, recordId).orElseThrow();
                    update(tx, "INSERT INTO contact_history (record_id, campaign, interaction_id, agent_id,"
                            + " contact_info, call_result, note, callback_at, callback_type, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", recordId, r.campaign(), interactionId,
                            r.agentId(), r.contactInfo(), r.callResult().code(), note, r.dialSchedTime(),
                            RecordType.PERSONAL_CALLBACK.name(), now);
                }
                return moved == 1;
            });
        } catch (SQLException e) {
            throw new StoreException("marking callback " + recordId + " missed failed", e);
        }
    }
}
