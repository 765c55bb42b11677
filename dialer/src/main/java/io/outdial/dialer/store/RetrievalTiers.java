package io.outdial.dialer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which Ready records of a campaign are due next, in retrieval order (top of the list, callbacks, then the rest by
 * schedule and id), asked so that each query walks an index (migration V7) and reads a few rows, not the whole list.
 */
final class RetrievalTiers {
    /** How many candidates one retrieval looks at (the first that passes the checks is claimed). */
    static final int CANDIDATES = 8;

    private RetrievalTiers() {
    }

    /**
     * The Ready, due records of a campaign, in retrieval order: list top first, then callbacks, then by schedule and
     * id. Asked as three queries, one per tier ({@link #TOP}, {@link #CALLBACKS}, {@link #BULK}), so that each can walk an index in order and stop
     * after {@link #CANDIDATES} rows: one query ordering by the tiers' CASE expressions had to read and sort every
     * Ready record of the campaign on each retrieval, 3/4 of the gateway's CPU under load (docs/benchmarks.md).
     */
    private static final String NEXT_READY = "SELECT record_id FROM calling_record"
            + " WHERE campaign = ? AND record_status = 'READY' AND record_type <> 'NO_CALL'"
            + " AND (dial_sched_time IS NULL OR dial_sched_time <= ?)"
            + " AND (attempt < ? OR record_type IN ('PERSONAL_CALLBACK', 'CAMPAIGN_CALLBACK'))"
            + " AND (record_type <> 'PERSONAL_CALLBACK' OR agent_id = ?)"
            // A contact's numbers (a chain) are dialed one at a time, in chain order.
            + " AND (chain_id IS NULL OR NOT EXISTS (SELECT 1 FROM calling_record o WHERE o.campaign = ?"
            + " AND o.chain_id = calling_record.chain_id AND o.record_id <> calling_record.record_id"
            + " AND (o.record_status = 'RETRIEVED'"
            + " OR (o.record_status = 'READY' AND o.chain_n < calling_record.chain_n))))";
    private static final String CALLBACK = "record_type IN ('PERSONAL_CALLBACK', 'CAMPAIGN_CALLBACK')";
    private static final String TAIL = " FETCH FIRST " + CANDIDATES + " ROWS ONLY";
    /** Tier 1, the top of the list: few rows, found through index calling_record_tier (list_top = TRUE). */
    private static final String TOP = NEXT_READY + " AND list_top = TRUE ORDER BY CASE WHEN " + CALLBACK
            + " THEN 0 ELSE 1 END, dial_sched_time NULLS FIRST, record_id" + TAIL;
    /** Tier 2, callbacks of one type (parameter 6): H2 walks index calling_record_type on equalities only. */
    private static final String CALLBACKS = NEXT_READY + " AND record_type = ?"
            + " ORDER BY dial_sched_time NULLS FIRST, record_id" + TAIL;
    /**
     * Tier 3, the bulk, in the order of index calling_record_tier: the ORDER BY names the index's leading columns
     * too (constant here) because H2 only reads an index in order when the sort starts with its first column.
     */
    private static final String BULK = NEXT_READY + " AND list_top = FALSE AND NOT " + CALLBACK
            + " ORDER BY campaign, record_status, list_top, dial_sched_time NULLS FIRST, record_id" + TAIL;

    /**
     * The candidate record ids, best first, at most {@link #CANDIDATES}; {@code lock} ends each tier's query (the
     * engine's row-lock clause, {@link StoreVendor#skipLocked()}, or empty).
     */
    static List<Long> nextReady(Connection c, String campaign, Instant now, int maxAttempts,
                                        String agentId, String lock) throws SQLException {
        List<Long> ids = new ArrayList<>(CANDIDATES);
        readIds(c, TOP + lock, campaign, now, maxAttempts, agentId, ids);
        if (ids.size() < CANDIDATES) {
            ids.addAll(dueCallbacks(c, campaign, now, maxAttempts, agentId, ids, lock));
        }
        if (ids.size() < CANDIDATES) {
            readIds(c, BULK + lock, campaign, now, maxAttempts, agentId, ids);
        }
        return ids.size() > CANDIDATES ? ids.subList(0, CANDIDATES) : ids;
    }

    /** Both kinds of callback, merged by schedule then id, without the records already in {@code taken}. */
    private static List<Long> dueCallbacks(Connection c, String campaign, Instant now, int maxAttempts,
                                           String agentId, List<Long> taken, String lock) throws SQLException {
        List<Long> due = new ArrayList<>();
        for (String type : List.of("CAMPAIGN_CALLBACK", "PERSONAL_CALLBACK")) {
            try (PreparedStatement ps = c.prepareStatement(CALLBACKS + lock)) {
                bindNextReady(ps, campaign, now, maxAttempts, agentId);
                ps.setString(6, type);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (!taken.contains(id)) {
                            due.add(id); // a top record that is also a callback was taken by tier 1
                        }
                    }
                }
            }
        }
        if (due.isEmpty()) {
            return List.of();
        }
        // Rare (callbacks are few): order the two kinds together as the single query did, by schedule then id.
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT record_id FROM calling_record WHERE record_id IN ("
                + String.join(",", Collections.nCopies(due.size(), "?"))
                + ") ORDER BY dial_sched_time NULLS FIRST, record_id")) {
            for (int i = 0; i < due.size(); i++) {
                ps.setLong(i + 1, due.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void readIds(Connection c, String sql, String campaign, Instant now, int maxAttempts,
                                String agentId, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindNextReady(ps, campaign, now, maxAttempts, agentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && ids.size() < CANDIDATES) {
                    ids.add(rs.getLong(1));
                }
            }
        }
    }

    private static void bindNextReady(PreparedStatement ps, String campaign, Instant now, int maxAttempts,
                                      String agentId) throws SQLException {
        ps.setString(1, campaign);
        RecordRows.setInstant(ps, 2, now);
        ps.setInt(3, maxAttempts);
        ps.setString(4, agentId);
        ps.setString(5, campaign);
    }
}
