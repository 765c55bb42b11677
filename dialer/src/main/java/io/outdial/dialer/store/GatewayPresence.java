package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the gateways on one store last said of themselves (gateway_presence, V15): their logged-in agents and their
 * calls in progress, for a supervisor view that spans them. Each gateway writes only its own row. Part of
 * {@link CallingListStore}.
 */
public final class GatewayPresence {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Agent>> AGENTS = new TypeReference<>() { };

    private final DataSource pool;

    GatewayPresence(DataSource pool) {
        this.pool = pool;
    }

    /** One logged-in agent as its gateway saw it: {@code state} is the CTI wire name (Ready, Busy...). */
    public record Agent(String id, String state) {
    }

    /** One gateway's last report. */
    public record Entry(String gatewayId, Instant seenAt, int callsInProgress, List<Agent> agents) {
        public Entry {
            agents = List.copyOf(agents);
        }
    }

    /** Writes this gateway's report over its last one. */
    public void report(Entry entry) {
        String agents;
        try {
            agents = JSON.writeValueAsString(entry.agents());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the agents as JSON", e);
        }
        try (Connection c = pool.getConnection()) {
            int updated = update(c, "UPDATE gateway_presence SET seen_at = ?, calls_in_progress = ?, agents = ?"
                    + " WHERE gateway_id = ?", entry.seenAt(), entry.callsInProgress(), agents, entry.gatewayId());
            if (updated == 0) {
                update(c, "INSERT INTO gateway_presence (gateway_id, seen_at, calls_in_progress, agents)"
                        + " VALUES (?, ?, ?, ?)", entry.gatewayId(), entry.seenAt(), entry.callsInProgress(), agents);
            }
        } catch (SQLException e) {
            throw new StoreException("reporting gateway " + entry.gatewayId() + "'s presence failed", e);
        }
    }

    /** Every gateway's last report, by gateway id. */
    public List<Entry> all() {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT gateway_id, seen_at, calls_in_progress, agents"
                     + " FROM gateway_presence ORDER BY gateway_id");
             ResultSet rs = ps.executeQuery()) {
            List<Entry> entries = new ArrayList<>();
            while (rs.next()) {
                entries.add(new Entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getInt(3), agents(rs.getString(1), rs.getString(4))));
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("reading the gateways' presence failed", e);
        }
    }

    private static List<Agent> agents(String gatewayId, String json) {
        try {
            return JSON.readValue(json, AGENTS);
        } catch (JsonProcessingException e) {
            // One gateway's unreadable row does not hide the others.
            return List.of(new Agent("?", "unreadable report of " + gatewayId));
        }
    }
}
