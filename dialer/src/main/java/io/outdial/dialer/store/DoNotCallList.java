package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The internal do-not-call list (table do_not_call, migrations V2 and V6): numbers and customer ids, global or per
 * campaign, and which custom field holds each campaign's customer ids. Part of {@link CallingListStore}.
 */
public final class DoNotCallList {
    private final DataSource pool;
    private final Clock clock;
    /** Campaign -> the custom field holding its customer ids; the default is customer_id. */
    private final Map<String, String> customerIdFields = new ConcurrentHashMap<>();

    DoNotCallList(DataSource pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Adds a number to the internal do-not-call list, for one campaign or (campaign null) for all; the number is
     * normalised as calling lists store it. Returns the entry as stored.
     */
    public DoNotCallEntry add(String phone, String campaign) {
        String number = CallingListStore.normalisePhone(phone);
        Instant now = clock.instant();
        try (Connection c = pool.getConnection()) {
            update(c, "INSERT INTO do_not_call (phone, campaign, created_at) VALUES (?, ?, ?)", number, campaign, now);
            return new DoNotCallEntry(number, null, campaign, now);
        } catch (SQLException e) {
            throw new StoreException("adding " + number + " to the do-not-call list failed", e);
        }
    }

    /**
     * Adds a customer id to the internal do-not-call list, for one campaign or (campaign null) for all: no record
     * whose customer-id field (see {@link #customerIdField}) holds it is dialed. Returns the entry as stored.
     */
    public DoNotCallEntry addCustomer(String customerId, String campaign) {
        String id = customerId == null ? "" : customerId.trim();
        if (id.isEmpty() || id.length() > 64) {
            throw new IllegalArgumentException("customerId must be 1..64 characters, got '" + customerId + "'");
        }
        Instant now = clock.instant();
        try (Connection c = pool.getConnection()) {
            update(c, "INSERT INTO do_not_call (customer_id, campaign, created_at) VALUES (?, ?, ?)", id, campaign,
                    now);
            return new DoNotCallEntry(null, id, campaign, now);
        } catch (SQLException e) {
            throw new StoreException("adding customer " + id + " to the do-not-call list failed", e);
        }
    }

    /** Names the custom field that holds {@code campaign}'s customer ids (default {@code customer_id}). */
    public void customerIdField(String campaign, String field) {
        customerIdFields.put(Objects.requireNonNull(campaign, "campaign"), Objects.requireNonNull(field, "field"));
    }

    /** The customer id of a record: its campaign's customer-id field, or null when the record has none. */
    public String customerId(CallingRecord record) {
        String value = record.customFields().get(customerIdFields.getOrDefault(record.campaign(), "customer_id"));
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Whether the record's number or customer id is on the internal do-not-call list (global or its campaign). */
    public boolean onList(CallingRecord record) {
        try (Connection c = pool.getConnection()) {
            return onList(c, record);
        } catch (SQLException e) {
            throw new StoreException("checking record " + record.recordId() + " against the do-not-call list failed",
                    e);
        }
    }

    /** The internal do-not-call list, oldest first. */
    public List<DoNotCallEntry> list() {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT phone, customer_id, campaign, created_at FROM do_not_call ORDER BY entry_id");
             ResultSet rs = ps.executeQuery()) {
            List<DoNotCallEntry> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new DoNotCallEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("reading the do-not-call list failed", e);
        }
    }

    /** The check on a connection the caller holds (retrieval claims and checks in one go). */
    boolean onList(Connection c, CallingRecord record) throws SQLException {
        return onList(c, record, record.contactInfo());
    }

    /** The check of {@code phone} about to be dialed for {@code record} (its customer id and campaign). */
    boolean onList(Connection c, CallingRecord record, String phone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM do_not_call WHERE (phone = ?"
                + " OR customer_id = ?) AND (campaign IS NULL OR campaign = ?) FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, phone);
            ps.setString(2, customerId(record));
            ps.setString(3, record.campaign());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
