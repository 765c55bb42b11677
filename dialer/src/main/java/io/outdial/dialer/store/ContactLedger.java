package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the store keeps about contacts beside their records: the contact history of finished interactions
 * (contact_history, V3), abandoned numbers for the no-redial rule and the per-day abandonment counts
 * (abandoned_call, abandonment_day, V4). Part of {@link CallingListStore}.
 */
public final class ContactLedger {
    private final DataSource pool;

    ContactLedger(DataSource pool) {
        this.pool = pool;
    }

    /** Adds one finished interaction to its record's contact history. */
    public void addHistory(ContactHistoryEntry e) {
        try (Connection c = pool.getConnection()) {
            update(c, "INSERT INTO contact_history (record_id, campaign, interaction_id, agent_id, contact_info,"
                    + " call_result, disposition_code, do_not_call, note, callback_at, callback_type, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.recordId(), e.campaign(), e.interactionId(),
                    e.agentId(), e.contactInfo(), e.callResult().code(), e.dispositionCode(), e.doNotCall(),
                    e.note(), e.callbackAt(), e.callbackType() == null ? null : e.callbackType().name(),
                    e.createdAt());
        } catch (SQLException ex) {
            throw new StoreException("adding to the contact history of record " + e.recordId() + " failed", ex);
        }
    }

    /** A record's contact history, oldest first. */
    public List<ContactHistoryEntry> history(long recordId) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT record_id, campaign, interaction_id, agent_id,"
                     + " contact_info, call_result, disposition_code, do_not_call, note, callback_at, callback_type,"
                     + " created_at FROM contact_history WHERE record_id = ? ORDER BY entry_id")) {
            ps.setLong(1, recordId);
            List<ContactHistoryEntry> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.time.OffsetDateTime callbackAt = rs.getObject(10, java.time.OffsetDateTime.class);
                    String callbackType = rs.getString(11);
                    list.add(new ContactHistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), CallResult.ofCode(rs.getInt(6)), rs.getString(7),
                            rs.getBoolean(8), rs.getString(9), callbackAt == null ? null : callbackAt.toInstant(),
                            callbackType == null ? null : RecordType.valueOf(callbackType),
                            rs.getObject(12, java.time.OffsetDateTime.class).toInstant()));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("reading the contact history of record " + recordId + " failed", e);
        }
    }

    /** Notes that a call to {@code phone} was abandoned (no agent in time), for the no-redial rule. */
    public void recordAbandoned(String phone, String campaign, Instant at) {
        try (Connection c = pool.getConnection()) {
            update(c, "INSERT INTO abandoned_call (phone, campaign, abandoned_at) VALUES (?, ?, ?)", phone, campaign,
                    at);
        } catch (SQLException e) {
            throw new StoreException("recording the abandoned call to " + phone + " failed", e);
        }
    }

    static Optional<Instant> lastAbandoned(Connection c, String phone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(abandoned_at) FROM abandoned_call WHERE phone = ?")) {
            ps.setString(1, phone);
            try (ResultSet rs = ps.executeQuery()) {
                java.time.OffsetDateTime at = rs.next() ? rs.getObject(1, java.time.OffsetDateTime.class) : null;
                return Optional.ofNullable(at).map(java.time.OffsetDateTime::toInstant);
            }
        }
    }

    /** Adds to a campaign's abandonment counts of one day (a live answer, an abandon, a machine verdict). */
    public void addAbandonmentCounts(String campaign, LocalDate day, long liveAnswered, long abandoned,
                                     long machines) {
        String add = "UPDATE abandonment_day SET live_answered = live_answered + ?, abandoned = abandoned + ?,"
                + " machines = machines + ? WHERE campaign = ? AND ledger_day = ?";
        try (Connection c = pool.getConnection()) {
            if (update(c, add, liveAnswered, abandoned, machines, campaign, day) == 0) {
                try {
                    update(c, "INSERT INTO abandonment_day (campaign, ledger_day, live_answered, abandoned, machines)"
                            + " VALUES (?, ?, ?, ?, ?)", campaign, day, liveAnswered, abandoned, machines);
                } catch (SQLException raced) {
                    // Another writer inserted the day first: add to its row.
                    update(c, add, liveAnswered, abandoned, machines, campaign, day);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("adding to the abandonment counts of " + campaign + " on " + day + " failed", e);
        }
    }

    /** A campaign's stored abandonment counts from {@code from} on, oldest first. */
    public List<AbandonmentDay> abandonmentDays(String campaign, LocalDate from) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ledger_day, live_answered, abandoned, machines"
                     + " FROM abandonment_day WHERE campaign = ? AND ledger_day >= ? ORDER BY ledger_day")) {
            ps.setString(1, campaign);
            ps.setObject(2, from);
            List<AbandonmentDay> days = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(new AbandonmentDay(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4)));
                }
            }
            return days;
        } catch (SQLException e) {
            throw new StoreException("reading the abandonment counts of " + campaign + " failed", e);
        }
    }
}
