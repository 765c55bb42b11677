package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The campaign state the gateways on one store share (campaign_control, V13; ADR 0016): the state a supervisor last
 * asked for, with a version that grows by one per change and the gateway that wrote it. Part of
 * {@link CallingListStore}.
 */
public final class CampaignControl {
    private final DataSource pool;
    private final Clock clock;

    CampaignControl(DataSource pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** One campaign's shared state: {@code state} is a campaign state's name (LOADED, RUNNING, UNLOADED). */
    public record Entry(String campaign, String state, long version, String changedBy) {
    }

    /** Writes a campaign's new state, one version above the last; returns the version written. */
    public long publish(String campaign, String state, String gatewayId) {
        try (Connection c = pool.getConnection()) {
            return RecordRows.inTransaction(c, tx -> {
                long version = current(tx, campaign) + 1;
                if (version == 1) {
                    try {
                        update(tx, "INSERT INTO campaign_control (campaign, state, version, changed_by, changed_at)"
                                + " VALUES (?, ?, 1, ?, ?)", campaign, state, gatewayId, clock.instant());
                        return 1L;
                    } catch (SQLException raced) {
                        throw new SQLException("another gateway wrote campaign " + campaign + " first", raced);
                    }
                }
                update(tx, "UPDATE campaign_control SET state = ?, version = ?, changed_by = ?, changed_at = ?"
                        + " WHERE campaign = ?", state, version, gatewayId, clock.instant(), campaign);
                return version;
            });
        } catch (SQLException e) {
            throw new StoreException("publishing the state of campaign " + campaign + " failed", e);
        }
    }

    private static long current(Connection tx, String campaign) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT version FROM campaign_control WHERE campaign = ? FOR UPDATE")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Every campaign's shared state. */
    public List<Entry> all() {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT campaign, state, version, changed_by"
                     + " FROM campaign_control ORDER BY campaign")) {
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("reading the shared campaign state failed", e);
        }
    }
}
