package io.outdial.dialer.store;

import io.outdial.sip.auth.DigestAlgorithm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Agents' SIP passwords set at run time, kept as their digest HA1s (one per algorithm, for one realm), never as the
 * passwords. Blocking (JDBC): call it on the database pool.
 */
public final class SipPasswordStore {
    private final DataSource pool;
    private final Clock clock;

    SipPasswordStore(DataSource pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Every stored password for {@code realm}: agent id to its HA1 by algorithm. */
    public Map<String, Map<DigestAlgorithm, String>> all(String realm) {
        Map<String, Map<DigestAlgorithm, String>> out = new LinkedHashMap<>();
        try (Connection c = pool.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT agent_id, ha1_md5, ha1_sha256 FROM agent_sip_password WHERE realm = ? ORDER BY agent_id")) {
            q.setString(1, realm);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Map<DigestAlgorithm, String> ha1 = new EnumMap<>(DigestAlgorithm.class);
                    ha1.put(DigestAlgorithm.MD5, rs.getString(2));
                    ha1.put(DigestAlgorithm.SHA_256, rs.getString(3));
                    out.put(rs.getString(1), Map.copyOf(ha1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading the stored SIP passwords failed", e);
        }
        return out;
    }

    /** Keeps {@code agentId}'s password as {@code ha1} (by algorithm) for {@code realm}, replacing any before. */
    public void put(String agentId, String realm, Map<DigestAlgorithm, String> ha1) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM agent_sip_password WHERE agent_id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO agent_sip_password (agent_id, realm,"
                         + " ha1_md5, ha1_sha256, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, agentId);
                delete.executeUpdate();
                insert.setString(1, agentId);
                insert.setString(2, realm);
                insert.setString(3, ha1.get(DigestAlgorithm.MD5));
                insert.setString(4, ha1.get(DigestAlgorithm.SHA_256));
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("storing the SIP password of agent " + agentId + " failed", e);
        }
    }

    /** Forgets {@code agentId}'s stored password (the configured one, if any, applies again after a restart). */
    public void remove(String agentId) {
        try (Connection c = pool.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM agent_sip_password WHERE agent_id = ?")) {
            delete.setString(1, agentId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("removing the SIP password of agent " + agentId + " failed", e);
        }
    }
}
