package io.outdial.dialer.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a {@link CallingRecord} maps onto a {@code calling_record} row and back. */
final class RecordRows {

    static final String COLUMNS = "record_id, campaign, contact_info, contact_info_type, record_type, record_status,"
            + " call_result, attempt, dial_sched_time, call_time, daily_from, daily_till, tz, agent_id, chain_id,"
            + " chain_n, custom_fields";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() { };

    private RecordRows() {
    }

    static CallingRecord read(ResultSet rs) throws SQLException {
        return new CallingRecord(
                rs.getLong("record_id"),
                rs.getString("campaign"),
                rs.getString("contact_info"),
                rs.getString("contact_info_type"),
                RecordType.valueOf(rs.getString("record_type")),
                RecordStatus.valueOf(rs.getString("record_status")),
                CallResult.ofCode(rs.getInt("call_result")),
                rs.getInt("attempt"),
                instant(rs, "dial_sched_time"),
                instant(rs, "call_time"),
                rs.getInt("daily_from"),
                rs.getInt("daily_till"),
                rs.getString("tz"),
                rs.getString("agent_id"),
                rs.getString("chain_id"),
                rs.getInt("chain_n"),
                fields(rs.getString("custom_fields")));
    }

    /** Binds an instant as TIMESTAMP WITH TIME ZONE (both H2 and PostgreSQL take an OffsetDateTime), or null. */
    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setObject(index, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }

    static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write custom fields as JSON", e);
        }
    }

    private static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("custom_fields is not a JSON object of strings: " + json, e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Runs one statement with {@code values} bound in order (instants as UTC timestamps); returns the row count. */
    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Instant instant) {
                    RecordRows.setInstant(ps, i + 1, instant);
                } else {
                    ps.setObject(i + 1, values[i]);
                }
            }
            return ps.executeUpdate();
        }
    }

    static List<CallingRecord> readAll(PreparedStatement ps) throws SQLException {
        List<CallingRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(RecordRows.read(rs));
            }
        }
        return out;
    }

    static Optional<CallingRecord> find(Connection c, long recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RecordRows.COLUMNS
                + " FROM calling_record WHERE record_id = ?")) {
            ps.setLong(1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RecordRows.read(rs)) : Optional.empty();
            }
        }
    }

    /** The record, locked for the rest of the transaction on {@code c}. */
    static Optional<CallingRecord> findForUpdate(Connection c, long recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM calling_record WHERE record_id = ? FOR UPDATE")) {
            ps.setLong(1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Work on one connection inside a transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction on {@code c}: committed when it returns, rolled back when it throws. */
    static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
