package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Each campaign's standard responses (V10 {@code standard_response}): a title unique in the campaign, the text, tags.
 * Part of {@link CallingListStore}; blocking JDBC, so database pool only. Values are checked by the caller.
 */
public final class ResponseLibrary {
    /** The most responses one search returns. */
    public static final int SEARCH_LIMIT = 200;

    private final DataSource pool;
    private final Clock clock;

    ResponseLibrary(DataSource pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Adds a response, or replaces the text and tags of the campaign's response of that title; true if added. */
    public boolean put(String campaign, String title, String text, List<String> tags) {
        String joined = String.join(",", tags);
        try (Connection c = pool.getConnection()) {
            int changed = update(c, "UPDATE standard_response SET body = ?, tags = ? WHERE campaign = ? AND title = ?",
                    text, joined, campaign, title);
            if (changed > 0) {
                return false;
            }
            update(c, "INSERT INTO standard_response (campaign, title, body, tags, created_at) VALUES (?, ?, ?, ?, ?)",
                    campaign, title, text, joined, clock.instant());
            return true;
        } catch (SQLException e) {
            throw new StoreException("storing the response '" + title + "' of campaign " + campaign + " failed", e);
        }
    }

    /**
     * The campaign's responses whose title, text or tags contain {@code query} (case-insensitive; all of them when
     * blank), by title, at most {@value #SEARCH_LIMIT}.
     */
    public List<StandardResponse> search(String campaign, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT response_id, campaign, title, body, tags FROM"
                     + " standard_response WHERE campaign = ? AND (LOWER(title) LIKE ? ESCAPE '\\'"
                     + " OR LOWER(body) LIKE ? ESCAPE '\\' OR LOWER(tags) LIKE ? ESCAPE '\\')"
                     + " ORDER BY title LIMIT " + SEARCH_LIMIT)) {
            ps.setString(1, campaign);
            ps.setString(2, like);
            ps.setString(3, like);
            ps.setString(4, like);
            List<StandardResponse> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String tags = rs.getString(5);
                    out.add(new StandardResponse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("searching the responses of campaign " + campaign + " failed", e);
        }
    }

    /** Removes one response of the campaign; false if it has none of that id. */
    public boolean remove(String campaign, long responseId) {
        try (Connection c = pool.getConnection()) {
            return update(c, "DELETE FROM standard_response WHERE campaign = ? AND response_id = ?", campaign,
                    responseId) > 0;
        } catch (SQLException e) {
            throw new StoreException("removing response " + responseId + " failed", e);
        }
    }
}
