package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import io.outdial.bridge.auth.AuditEntry;
import io.outdial.bridge.auth.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit log (table audit_log, migration V8): supervisor and admin actions, logins and logouts. Rows are only
 * added. Part of {@link CallingListStore}; blocking JDBC, call it on the database pool.
 */
public final class AuditTrail {
    private final DataSource pool;

    AuditTrail(DataSource pool) {
        this.pool = pool;
    }

    /** Keeps one entry; over-long texts (hostile paths) are cut to the column's size. */
    public void add(AuditEntry e) {
        try (Connection c = pool.getConnection()) {
            update(c, "INSERT INTO audit_log (at, actor, role, action, status, source) VALUES (?, ?, ?, ?, ?, ?)",
                    e.at(), cut(e.actor(), 128), e.role() == null ? null : e.role().wireName(), cut(e.action(), 600),
                    e.status(), cut(e.source(), 64));
        } catch (SQLException ex) {
            throw new StoreException("writing the audit log failed", ex);
        }
    }

    /** The newest {@code limit} entries, newest first. */
    public List<AuditEntry> newest(int limit) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT at, actor, role, action, status, source FROM audit_log"
                     + " ORDER BY entry_id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                            rs.getString(3) == null ? null : Role.named(rs.getString(3)), rs.getString(4),
                            rs.getInt(5), rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreException("reading the audit log failed", ex);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
