package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The history of a contact's field edits (V11 {@code contact_field_change}): what an agent changed in the contact
 * directory, before and after. Part of {@link CallingListStore}; database pool only.
 */
public final class ContactEdits {

    /** One field changed by an agent. */
    public record FieldChange(long recordId, String interactionId, String agentId, String field, String from,
                              String to, Instant at) {
    }

    private final DataSource pool;

    ContactEdits(DataSource pool) {
        this.pool = pool;
    }

    /** Keeps each field of {@code after} whose value differs from {@code before}. */
    public void changed(long recordId, String interactionId, String agentId, Map<String, String> before,
                        Map<String, String> after, Instant at) {
        try (Connection c = pool.getConnection()) {
            for (Map.Entry<String, String> e : after.entrySet()) {
                String old = before.get(e.getKey());
                if (java.util.Objects.equals(old, e.getValue())) {
                    continue;
                }
                update(c, "INSERT INTO contact_field_change (record_id, interaction_id, agent_id, field, old_value,"
                        + " new_value, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", recordId, interactionId, agentId,
                        e.getKey(), old, e.getValue(), at);
            }
        } catch (SQLException ex) {
            throw new StoreException("keeping the field changes of record " + recordId + " failed", ex);
        }
    }

    /** The changes of a record's fields, oldest first. */
    public List<FieldChange> of(long recordId) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT record_id, interaction_id, agent_id, field, old_value,"
                     + " new_value, changed_at FROM contact_field_change WHERE record_id = ? ORDER BY change_id")) {
            ps.setLong(1, recordId);
            List<FieldChange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FieldChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreException("reading the field changes of record " + recordId + " failed", ex);
        }
    }

    /** The most contacts one search returns. */
    public static final int SEARCH_LIMIT = 20;

    /**
     * A campaign's records whose number or any field value contains {@code query} (case-insensitive), by record
     * id, at most {@value #SEARCH_LIMIT}: the contact directory's search.
     */
    public List<CallingRecord> search(String campaign, String query) {
        String q = query.trim().toLowerCase(java.util.Locale.ROOT);
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + RecordRows.COLUMNS + " FROM calling_record"
                     + " WHERE campaign = ? AND (contact_info LIKE ? ESCAPE '\\' OR LOWER(custom_fields) LIKE ?"
                     + " ESCAPE '\\') ORDER BY record_id LIMIT " + SEARCH_LIMIT)) {
            ps.setString(1, campaign);
            ps.setString(2, like);
            ps.setString(3, like);
            return RecordRows.readAll(ps);
        } catch (SQLException ex) {
            throw new StoreException("searching the contacts of campaign " + campaign + " failed", ex);
        }
    }
}
