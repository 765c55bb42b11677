package io.outdial.dialer.store;

import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a CSV file's good rows ({@link CsvImport}) to a campaign's list as Ready records, streaming: rows are inserted
 * in batches as they are read, all in one transaction. Part of {@link CallingListStore}.
 */
final class ListImport {

    private static final Logger log = LoggerFactory.getLogger(ListImport.class);

    /** Rows inserted per JDBC batch; memory does not grow with the file. */
    static final int INSERT_BATCH = 500;
    /** Rows read between two progress reports. */
    static final int PROGRESS_EVERY = 10_000;

    private static final String INSERT = "INSERT INTO calling_record (campaign, contact_info, contact_info_type,"
            + " record_type, dial_sched_time, daily_from, daily_till, tz, chain_id, chain_n, custom_fields,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource pool;
    private final RowValues rowValues;
    private final Clock clock;

    ListImport(DataSource pool, RowValues rowValues, Clock clock) {
        this.pool = pool;
        this.rowValues = rowValues;
        this.clock = clock;
    }

    /** Imports {@code csv} into {@code campaign}, telling {@code progress} the count every {@link #PROGRESS_EVERY}. */
    ImportReport importCsv(String campaign, Reader csv, LongConsumer progress) {
        Objects.requireNonNull(campaign, "campaign");
        Instant now = clock.instant();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                int[] imported = {0};
                CsvImport.Refusals rejected = new CsvImport(rowValues).read(csv, row -> {
                    bindInsert(insert, campaign, row, now);
                    insert.addBatch();
                    if (++imported[0] % INSERT_BATCH == 0) {
                        insert.executeBatch();
                    }
                    if (imported[0] % PROGRESS_EVERY == 0) {
                        progress.accept(imported[0]);
                    }
                });
                insert.executeBatch();
                c.commit();
                log.info("campaign {}: imported {} record(s), refused {} row(s)", campaign, imported[0],
                        rejected.count);
                return new ImportReport(imported[0], rejected.count, rejected.listed);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true); // the connection goes back to the pool
            }
        } catch (SQLException e) {
            throw new StoreException("importing into campaign " + campaign + " failed", e);
        }
    }

    private static void bindInsert(PreparedStatement ps, String campaign, ImportedRecord row, Instant now)
            throws SQLException {
        ps.setString(1, campaign);
        ps.setString(2, row.contactInfo());
        ps.setString(3, row.contactInfoType());
        ps.setString(4, row.recordType().name());
        RecordRows.setInstant(ps, 5, row.dialSchedTime());
        ps.setInt(6, row.dailyFrom());
        ps.setInt(7, row.dailyTill());
        ps.setString(8, row.tz());
        ps.setString(9, row.chainId());
        ps.setInt(10, row.chainN());
        ps.setString(11, RecordRows.json(row.customFields()));
        RecordRows.setInstant(ps, 12, now);
        RecordRows.setInstant(ps, 13, now);
    }
}
