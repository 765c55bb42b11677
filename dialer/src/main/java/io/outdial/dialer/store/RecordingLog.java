package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store's side of voice recordings: a row per recording linked to its record, call and agent (V9
 * {@code recording}) and the audit of every playback and download ({@code recording_access}). Part of
 * {@link CallingListStore}; blocking JDBC, so database pool only.
 */
public final class RecordingLog {
    private static final String COLUMNS = "recording_id, record_id, campaign, interaction_id, agent_id, path, status,"
            + " started_at, ended_at, duration_ms, paused_ms, error";

    /** One access to a recording. */
    public record Access(long recordingId, String action, String requester, Instant at) {
    }

    private final DataSource pool;

    RecordingLog(DataSource pool) {
        this.pool = pool;
    }

    /** Adds a running recording; returns its id. */
    public long started(long recordId, String campaign, String interactionId, String agentId, String path,
                        Instant at) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO recording (record_id, campaign, interaction_id,"
                     + " agent_id, path, status, started_at) VALUES (?, ?, ?, ?, ?, 'RECORDING', ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, recordId);
            ps.setString(2, campaign);
            ps.setString(3, interactionId);
            ps.setString(4, agentId);
            ps.setString(5, path);
            RecordRows.setInstant(ps, 6, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new StoreException("no id for the recording of " + interactionId, null);
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("adding the recording of interaction " + interactionId + " failed", e);
        }
    }

    /** The recording ended with {@code status}. */
    public void ended(long recordingId, String status, Instant at, long durationMs, long pausedMs, String error) {
        try (Connection c = pool.getConnection()) {
            update(c, "UPDATE recording SET status = ?, ended_at = ?, duration_ms = ?, paused_ms = ?, error = ?"
                    + " WHERE recording_id = ?", status, at, durationMs, pausedMs,
                    error == null ? null : error.substring(0, Math.min(error.length(), 1000)), recordingId);
        } catch (SQLException e) {
            throw new StoreException("ending recording " + recordingId + " failed", e);
        }
    }

    /** A record's recordings, oldest first. */
    public List<StoredRecording> ofRecord(long recordId) {
        return select("SELECT " + COLUMNS + " FROM recording WHERE record_id = ? ORDER BY recording_id", recordId);
    }

    public Optional<StoredRecording> find(long recordingId) {
        return select("SELECT " + COLUMNS + " FROM recording WHERE recording_id = ?", recordingId).stream()
                .findFirst();
    }

    /** Finished recordings that started before {@code before} and still have a file (retention). */
    public List<StoredRecording> startedBefore(Instant before) {
        return select("SELECT " + COLUMNS + " FROM recording WHERE started_at < ? AND status IN"
                + " ('STOPPED', 'COMPLETED', 'FAILED') ORDER BY recording_id", before);
    }

    /** Retention removed the file: the row stays, for the audit. */
    public void deleted(long recordingId) {
        try (Connection c = pool.getConnection()) {
            update(c, "UPDATE recording SET status = 'DELETED' WHERE recording_id = ?", recordingId);
        } catch (SQLException e) {
            throw new StoreException("marking recording " + recordingId + " deleted failed", e);
        }
    }

    /** Audits one playback or download. */
    public void accessed(long recordingId, String action, String requester, Instant at) {
        try (Connection c = pool.getConnection()) {
            update(c, "INSERT INTO recording_access (recording_id, action, requester, accessed_at)"
                    + " VALUES (?, ?, ?, ?)", recordingId, action, requester, at);
        } catch (SQLException e) {
            throw new StoreException("auditing an access to recording " + recordingId + " failed", e);
        }
    }

    /** Every access to a recording, oldest first. */
    public List<Access> accesses(long recordingId) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT recording_id, action, requester, accessed_at FROM"
                     + " recording_access WHERE recording_id = ? ORDER BY access_id")) {
            ps.setLong(1, recordingId);
            List<Access> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Access(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading the accesses to recording " + recordingId + " failed", e);
        }
    }

    private List<StoredRecording> select(String sql, Object key) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (key instanceof Instant instant) {
                RecordRows.setInstant(ps, 1, instant);
            } else {
                ps.setObject(1, key);
            }
            List<StoredRecording> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime ended = rs.getObject(9, OffsetDateTime.class);
                    long duration = rs.getLong(10);
                    Long durationMs = rs.wasNull() ? null : duration;
                    long paused = rs.getLong(11);
                    Long pausedMs = rs.wasNull() ? null : paused;
                    out.add(new StoredRecording(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant(),
                            ended == null ? null : ended.toInstant(), durationMs, pausedMs, rs.getString(12)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading recordings failed", e);
        }
    }
}
