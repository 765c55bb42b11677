package io.outdial.dialer.store;

import static io.outdial.dialer.store.RecordRows.update;

import io.outdial.dialer.pacing.compliance.AbandonedRedialFilter;
import io.outdial.dialer.pacing.compliance.ComplianceSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.TreatmentStep;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calling lists of every campaign, in one database. Blocking JDBC: call it from the dialer's bounded database
 * pool only. Thread-safe; each method is one short transaction. Status moves follow {@link RecordStatus}'s table and
 * are guarded in SQL ({@code WHERE record_status = ...}), so two callers can never both move the same record.
 */
public final class CallingListStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallingListStore.class);

    /** Ready records fetched per look; a caller that loses all of them to concurrent callers looks again. */
    private static final int CANDIDATES = RetrievalTiers.CANDIDATES;
    private static final int INSERT_BATCH = 500;

    private static final String INSERT = "INSERT INTO calling_record (campaign, contact_info, contact_info_type,"
            + " record_type, dial_sched_time, daily_from, daily_till, tz, chain_id, chain_n, custom_fields,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * A record an agent rejected (or let time out) first, then due callbacks (a personal one only for its agent), then unscheduled records, then rescheduled ones by
     * due time. A callback's own time is its appointment, so it is not held back by the list's maximum attempts.
     */
    private final HikariDataSource pool;
    private final GatewayPresence presence;
    private final RowValues rowValues;
    /** Per campaign, the custom field holding the customer id checked against the do-not-call list. */
    private final DoNotCallList doNotCall;
    private final ContactLedger ledger;
    private final PersonalCallbacks personalCallbacks;
    private final AgentDials agentDials;
    private final SipPasswordStore sipPasswords;
    private final RecordingLog recordings;
    private final ResponseLibrary responses;
    private final ContactEdits contactEdits;
    private final Clock clock;
    private final AuditTrail auditTrail;
    private final ClaimSettings claims;
    private final RecordLeases leases;
    private final CampaignControl campaignControl;
    /** The row-lock clause of claims on this engine ({@link StoreVendor#skipLocked()}). */
    private final String lock;

    private CallingListStore(HikariDataSource pool, StoreVendor vendor, ZoneId defaultZone, CallingHours defaultHours,
                             Clock clock, ClaimSettings claims) {
        this.pool = pool;
        this.claims = claims;
        this.lock = vendor.skipLocked();
        this.leases = new RecordLeases(pool, vendor, clock, claims);
        this.campaignControl = new CampaignControl(pool, clock);
        this.presence = new GatewayPresence(pool);
        this.rowValues = new RowValues(defaultZone, defaultHours);
        this.doNotCall = new DoNotCallList(pool, clock);
        this.ledger = new ContactLedger(pool);
        this.personalCallbacks = new PersonalCallbacks(pool, clock);
        this.agentDials = new AgentDials(pool, doNotCall, clock, claims);
        this.sipPasswords = new SipPasswordStore(pool, clock);
        this.auditTrail = new AuditTrail(pool);
        this.recordings = new RecordingLog(pool);
        this.responses = new ResponseLibrary(pool, clock);
        this.contactEdits = new ContactEdits(pool);
        this.clock = clock;
    }

    /** Opens an H2 (file or in-memory) or PostgreSQL database with records imported without tz in UTC. */
    /**
     * Hands the pool's use and wait to {@code registry} (a Micrometer {@code MeterRegistry}, through HikariCP's own
     * tracker). A pool reports to one registry for its life: later calls are ignored.
     */
    public synchronized void measurePool(Object registry) {
        if (pool.getMetricRegistry() == null) {
            pool.setMetricRegistry(registry);
        }
    }

    public static CallingListStore open(String jdbcUrl, String user, String password, int poolSize) {
        return open(jdbcUrl, user, password, poolSize, ZoneId.of("UTC"));
    }

    /**
     * Opens an H2 or PostgreSQL database and brings its schema up to date (Flyway, {@code db/migration}).
     *
     * @param defaultZone time zone given to records imported without a {@code tz} column
     */
    public static CallingListStore open(String jdbcUrl, String user, String password, int poolSize,
                                        ZoneId defaultZone) {
        return open(jdbcUrl, user, password, poolSize, defaultZone, CallingHours.DEFAULT);
    }

    /**
     * Like {@link #open(String, String, String, int, ZoneId)}, with the calling window given to records imported
     * without daily_from / daily_till.
     */
    public static CallingListStore open(String jdbcUrl, String user, String password, int poolSize,
                                        ZoneId defaultZone, CallingHours defaultHours) {
        return open(jdbcUrl, user, password, poolSize, defaultZone, defaultHours, ClaimSettings.SINGLE);
    }

    /**
     * Like {@link #open(String, String, String, int, ZoneId, CallingHours)}, for one of several gateways sharing
     * the store: records it retrieves are leased to {@code claims.gatewayId()} (ADR 0016).
     */
    public static CallingListStore open(String jdbcUrl, String user, String password, int poolSize,
                                        ZoneId defaultZone, CallingHours defaultHours, ClaimSettings claims) {
        HikariDataSource pool = StorePool.open(jdbcUrl, user, password, poolSize);
        return new CallingListStore(pool, StoreVendor.of(jdbcUrl), defaultZone, defaultHours, Clock.systemUTC(),
                claims);
    }

    /** For tests: a store on {@code clock}, claiming as {@code claims}. */
    static CallingListStore open(String jdbcUrl, String user, int poolSize, ClaimSettings claims, Clock clock) {
        return new CallingListStore(StorePool.open(jdbcUrl, user, "", poolSize), StoreVendor.of(jdbcUrl),
                ZoneId.of("UTC"), CallingHours.DEFAULT, clock, claims);
    }

    /**
     * Adds the rows of a CSV file to {@code campaign}'s list as Ready records. Good rows are all kept, in one
     * transaction; bad rows are refused whole and reported with their line. A file that is not a calling list
     * (not CSV, no contact_info column, broken quoting) throws {@link ImportException} and imports nothing.
     */
    public ImportReport importCsv(String campaign, Reader csv) {
        return importCsv(campaign, csv, rows -> { });
    }

    /** Rows read between two progress reports of an import. */
    public static final int PROGRESS_EVERY = 10_000;

    /**
     * As {@link #importCsv(String, Reader)}, streaming (memory does not grow with the file: rows are inserted in
     * batches of {@value #INSERT_BATCH} as they are read), telling {@code progress} the records imported so far every
     * {@value #PROGRESS_EVERY} of them.
     */
    public ImportReport importCsv(String campaign, Reader csv, java.util.function.LongConsumer progress) {
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

    /** Next dialable record of {@code campaign} with no limit on attempts; see the three-argument form. */
    public Optional<CallingRecord> retrieveNext(String campaign, Instant now) {
        return retrieveNext(campaign, now, Integer.MAX_VALUE);
    }

    /**
     * Moves the next dialable record of {@code campaign} from Ready to Retrieved and returns it: Ready, not of type
     * No Call, {@code dial_sched_time} unset or due by {@code now}, fewer than {@code maxAttempts} attempts; the
     * unscheduled first, then by {@code dial_sched_time}, then by {@code record_id}. Concurrent callers never get
     * the same record. Calling hours are not checked here (see {@link CallingRecord#isWithinCallingHours}).
     */
    public Optional<CallingRecord> retrieveNext(String campaign, Instant now, int maxAttempts) {
        return retrieveNext(campaign, now, maxAttempts, null, ComplianceSettings.defaults().noRedialAfterAbandon());
    }

    /**
     * Like {@link #retrieveNext(String, Instant, int)}, for one agent: due callbacks come first, and a personal
     * callback is only ever given to its own agent ({@code agentId} null: to nobody).
     */
    public Optional<CallingRecord> retrieveNext(String campaign, Instant now, int maxAttempts, String agentId) {
        return retrieveNext(campaign, now, maxAttempts, agentId,
                ComplianceSettings.defaults().noRedialAfterAbandon());
    }

    /**
     * Like {@link #retrieveNext(String, Instant, int)}, and a record whose number was abandoned (by any campaign)
     * less than {@code noRedialAfterAbandon} ago is not dialed: it goes back to Ready, due when the period ends.
     */
    public Optional<CallingRecord> retrieveNext(String campaign, Instant now, int maxAttempts,
                                                Duration noRedialAfterAbandon) {
        return retrieveNext(campaign, now, maxAttempts, null, noRedialAfterAbandon);
    }

    /** The next record for {@code agentId} (callbacks first) under the no-redial rule; see the forms above. */
    public Optional<CallingRecord> retrieveNext(String campaign, Instant now, int maxAttempts, String agentId,
                                                Duration noRedialAfterAbandon) {
        return claimNext(campaign, now, noRedialAfterAbandon, true,
                c -> RetrievalTiers.nextReady(c, campaign, now, maxAttempts, agentId, lock));
    }

    /**
     * Like {@link #retrieveNext(String, Instant, int, String, Duration)}, but a record on the internal do-not-call
     * list is returned like any other (still Retrieved): the caller checks it, closes it with {@link #refuseDial}
     * and tells the agent concerned.
     */
    public Optional<CallingRecord> retrieveNextUnscreened(String campaign, Instant now, int maxAttempts,
                                                         String agentId, Duration noRedialAfterAbandon) {
        return claimNext(campaign, now, noRedialAfterAbandon, false,
                c -> RetrievalTiers.nextReady(c, campaign, now, maxAttempts, agentId, lock));
    }

    /**
     * The chain's next number: moves the Ready, due record of {@code chainId} with the lowest chain_n to Retrieved
     * and returns it, under the same checks as {@link #retrieveNext} (do-not-call, calling window, no-redial).
     * Empty when the chain has no number due now.
     */
    public Optional<CallingRecord> retrieveFromChain(String campaign, String chainId, Instant now,
                                                     Duration noRedialAfterAbandon) {
        return retrieveFromChain(campaign, chainId, now, noRedialAfterAbandon, true);
    }

    /** {@link #retrieveFromChain} without the do-not-call check (see {@link #retrieveNextUnscreened}). */
    public Optional<CallingRecord> retrieveFromChainUnscreened(String campaign, String chainId, Instant now,
                                                               Duration noRedialAfterAbandon) {
        return retrieveFromChain(campaign, chainId, now, noRedialAfterAbandon, false);
    }

    private Optional<CallingRecord> retrieveFromChain(String campaign, String chainId, Instant now,
                                                      Duration noRedialAfterAbandon, boolean screen) {
        return claimNext(campaign, now, noRedialAfterAbandon, screen, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT record_id FROM calling_record WHERE campaign = ?"
                    + " AND chain_id = ? AND record_status = 'READY' AND record_type <> 'NO_CALL'"
                    + " AND (dial_sched_time IS NULL OR dial_sched_time <= ?) ORDER BY chain_n, record_id"
                    + " FETCH FIRST " + CANDIDATES + " ROWS ONLY" + lock)) {
                ps.setString(1, campaign);
                ps.setString(2, chainId);
                RecordRows.setInstant(ps, 3, now);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * Retrieved to Updated with {@code result}, no attempt counted: the pre-dial check refused the record, it was
     * never dialed. Returns whether its contact has another number (same chain) Ready and due by {@code now}.
     */
    public boolean refuseDial(long recordId, CallResult result, Instant now) {
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.UPDATED, ", call_result = ?", result.code());
        return chainHasDueNumber(recordId, now);
    }

    /** Whether the record's contact has another number (same chain) Ready and due by {@code now}. */
    public boolean chainHasDueNumber(long recordId, Instant now) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM calling_record r JOIN calling_record o"
                     + " ON o.campaign = r.campaign AND o.chain_id = r.chain_id AND o.record_id <> r.record_id"
                     + " WHERE r.record_id = ? AND o.record_status = 'READY' AND o.record_type <> 'NO_CALL'"
                     + " AND (o.dial_sched_time IS NULL OR o.dial_sched_time <= ?) FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, recordId);
            RecordRows.setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the chain of record " + recordId + " failed", e);
        }
    }

    private interface Candidates {
        List<Long> find(Connection c) throws SQLException;
    }

    private Optional<CallingRecord> claimNext(String campaign, Instant now, Duration noRedialAfterAbandon,
                                              boolean screen, Candidates next) {
        AbandonedRedialFilter redial = new AbandonedRedialFilter(noRedialAfterAbandon);
        try (Connection c = pool.getConnection()) {
            while (true) {
                long id = claimOne(c, next);
                if (id == NONE_READY) {
                    return Optional.empty();
                }
                if (id == ALL_TAKEN) {
                    continue; // concurrent callers took every candidate: look again
                }
                Optional<CallingRecord> claimed = RecordRows.find(c, id);
                if (screen && claimed.isPresent() && doNotCall.onList(c, claimed.get())) {
                    // Never dialed: closed with the Do Not Call result, no attempt counted.
                    update(c, "UPDATE calling_record SET record_status = 'UPDATED', call_result = ?,"
                            + " updated_at = ? WHERE record_id = ? AND record_status = 'RETRIEVED'",
                            CallResult.DO_NOT_CALL.code(), clock.instant(), id);
                    log.info("campaign {}: record {} ({}) is on the do-not-call list, not dialed", campaign,
                            id, claimed.get().contactInfo());
                    continue;
                }
                if (claimed.isPresent() && !claimed.get().isWithinCallingHours(now)) {
                    Instant opens = claimed.get().nextCallingWindowOpening(now);
                    update(c, "UPDATE calling_record SET record_status = 'READY', dial_sched_time = ?,"
                            + " updated_at = ? WHERE record_id = ? AND record_status = 'RETRIEVED'",
                            opens, clock.instant(), id);
                    log.info("campaign {}: record {} ({}) is outside its calling window: due {}", campaign,
                            id, claimed.get().contactInfo(), opens);
                    continue;
                }
                Optional<Instant> abandoned = claimed.isPresent()
                        ? ContactLedger.lastAbandoned(c, claimed.get().contactInfo()) : Optional.empty();
                if (!redial.mayDial(abandoned, now)) {
                    Instant from = redial.dialableFrom(abandoned.get());
                    update(c, "UPDATE calling_record SET record_status = 'READY', dial_sched_time = ?,"
                            + " updated_at = ? WHERE record_id = ? AND record_status = 'RETRIEVED'",
                            from, clock.instant(), id);
                    log.info("campaign {}: record {} ({}) was abandoned at {}: not redialed before {}",
                            campaign, id, claimed.get().contactInfo(), abandoned.get(), from);
                    continue;
                }
                return claimed;
            }
        } catch (SQLException e) {
            throw new StoreException("retrieving from campaign " + campaign + " failed", e);
        }
    }

    /** The audit log of supervisor and admin actions. */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    private static final long NONE_READY = 0;
    private static final long ALL_TAKEN = -1;

    /**
     * Claims the first candidate: Ready to Retrieved, leased to this gateway (ADR 0016). On PostgreSQL the
     * candidates are read {@code FOR UPDATE SKIP LOCKED} in the claim's transaction, so gateways claiming at once
     * each lock different rows instead of queueing on the same first ones; the status guard of the UPDATE decides
     * any race either way, so no record is ever claimed twice.
     */
    private long claimOne(Connection c, Candidates next) throws SQLException {
        return RecordRows.inTransaction(c, tx -> {
            List<Long> candidates = next.find(tx);
            if (candidates.isEmpty()) {
                return NONE_READY;
            }
            Instant now = clock.instant();
            for (long id : candidates) {
                if (update(tx, "UPDATE calling_record SET record_status = 'RETRIEVED', list_top = FALSE,"
                        + " updated_at = ?, lease_gateway = ?, lease_until = ?, dialed_at = NULL, answered_at = NULL"
                        + " WHERE record_id = ? AND record_status = 'READY'", now, claims.gatewayId(),
                        now.plus(claims.leaseDuration()), id) == 1) {
                    return id;
                }
            }
            return ALL_TAKEN;
        });
    }

    /** The internal do-not-call list (numbers and customer ids) that every retrieval checks. */
    public DoNotCallList doNotCall() {
        return doNotCall;
    }

    /** Personal callbacks whose agent is absent: due ones, handed to the campaign, missed. */
    public PersonalCallbacks personalCallbacks() {
        return personalCallbacks;
    }

    /** Records in an agent's hands dialed on another record of the chain, or again (ChangeNumber, Recall). */
    public AgentDials agentDials() {
        return agentDials;
    }

    /** Agents' SIP passwords set through the admin API (their HA1s), kept across restarts. */
    public SipPasswordStore sipPasswords() {
        return sipPasswords;
    }

    /** Voice recordings and the audit of their playbacks (V9). */
    public RecordingLog recordings() {
        return recordings;
    }

    /** Agents' changes to records' fields, for the contact directory (V11). */
    public ContactEdits contactEdits() {
        return contactEdits;
    }

    /** Each campaign's standard responses (V10). */
    public ResponseLibrary responses() {
        return responses;
    }

    /** The leases of this gateway's claims: renewal, call progress, and the reclaim of lapsed ones (ADR 0016). */
    public RecordLeases leases() {
        return leases;
    }

    /** The campaign state shared by the gateways on this store. */
    public CampaignControl campaignControl() {
        return campaignControl;
    }

    /** What each gateway on this store last reported of its agents and calls. */
    public GatewayPresence presence() {
        return presence;
    }

    /** Contact history, abandoned numbers and the stored abandonment counts. */
    public ContactLedger ledger() {
        return ledger;
    }

    /** Retrieved to Updated after a dial attempt: counts the attempt, keeps its result, time and agent (or null). */
    public void complete(long recordId, CallResult result, Instant callTime, String agentId) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(callTime, "callTime");
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.UPDATED,
                ", call_result = ?, call_time = ?, agent_id = ?, attempt = attempt + 1", result.code(), callTime,
                agentId);
    }

    /** An Updated record's result changed by the agent (Set Call Result, Mark Done); a null agent keeps the last. */
    public void changeResult(long recordId, CallResult result, String agentId) {
        Objects.requireNonNull(result, "result");
        move(recordId, RecordStatus.UPDATED, RecordStatus.UPDATED,
                ", call_result = ?, agent_id = COALESCE(?, agent_id)", result.code(), agentId);
    }

    /** Retrieved back to Ready without counting an attempt: the call was never placed, or the agent rejected it. */
    public void returnToReady(long recordId) {
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.READY, "");
    }

    /**
     * Retrieved back to Ready at the top of the list, no attempt counted: an interaction preview was rejected or
     * not answered in time, so the record is the next one retrieved from its campaign.
     */
    public void returnToTop(long recordId) {
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.READY, ", list_top = TRUE");
    }

    /**
     * Retrieved to Cancelled with {@code result}, no attempt counted: the agent declined the record for this
     * campaign ("do not call this contact for this campaign"). A Cancelled record is never retrieved again.
     */
    public void cancel(long recordId, CallResult result, String agentId) {
        Objects.requireNonNull(result, "result");
        move(recordId, RecordStatus.RETRIEVED, RecordStatus.CANCELLED, ", call_result = ?, agent_id = ?",
                result.code(), agentId);
    }

    /**
     * Updated back to Ready, due at {@code dialSchedTime} and typed Campaign Rescheduled: a treatment's retry.
     * Attempts already counted stay counted.
     */
    public void reschedule(long recordId, Instant dialSchedTime) {
        Objects.requireNonNull(dialSchedTime, "dialSchedTime");
        move(recordId, RecordStatus.UPDATED, RecordStatus.READY, ", dial_sched_time = ?, record_type = ?",
                dialSchedTime, RecordType.CAMPAIGN_RESCHEDULED.name());
    }

    /**
     * What follows a record's final result (its campaign's treatment): a retry (back to Ready, due), a cancel, the
     * chain's next number made due, or nothing more; when the contact is done (no retry, no next number), the
     * chain's other Ready numbers become Chain Updated and are not dialed.
     */
    public void applyTreatment(long recordId, TreatmentStep step) {
        Objects.requireNonNull(step, "step");
        switch (step.kind()) {
            case RETRY:
                reschedule(recordId, step.due());
                return;
            case CANCEL:
                move(recordId, RecordStatus.UPDATED, RecordStatus.CANCELLED, "");
                endChain(recordId);
                return;
            case NEXT_IN_CHAIN:
                nextInChain(recordId, step.due());
                return;
            case DONE:
                endChain(recordId);
                return;
            default:
                throw new IllegalStateException("unknown treatment step " + step.kind());
        }
    }

    private void endChain(long recordId) {
        chainUpdate(recordId, "UPDATE calling_record SET record_status = 'CHAIN_UPDATED', updated_at = ?"
                + " WHERE campaign = ? AND chain_id = ? AND record_id <> ? AND record_status = 'READY'", null);
    }

    private void nextInChain(long recordId, Instant due) {
        chainUpdate(recordId, "UPDATE calling_record SET updated_at = ?, dial_sched_time = CASE WHEN"
                + " dial_sched_time IS NULL OR dial_sched_time < ? THEN ? ELSE dial_sched_time END"
                + " WHERE campaign = ? AND chain_id = ? AND record_id <> ? AND record_status = 'READY'", due);
    }

    private void chainUpdate(long recordId, String sql, Instant due) {
        try (Connection c = pool.getConnection()) {
            CallingRecord record = RecordRows.find(c, recordId)
                    .orElseThrow(() -> new NoSuchElementException("no calling record " + recordId));
            if (record.chainId() == null) {
                return;
            }
            int changed = due == null
                    ? update(c, sql, clock.instant(), record.campaign(), record.chainId(), recordId)
                    : update(c, sql, clock.instant(), due, due, record.campaign(), record.chainId(), recordId);
            log.info("campaign {}: chain {} after record {}: {} other number(s) {}", record.campaign(),
                    record.chainId(), recordId, changed, due == null ? "closed" : "due " + due);
        } catch (SQLException e) {
            throw new StoreException("updating the chain of record " + recordId + " failed", e);
        }
    }

    /**
     * Updated back to Ready as a callback due at {@code at}: typed Personal CallBack (for {@code agentId} only) or
     * Campaign CallBack (any agent), optionally on a new number with its type and in a new daily calling window
     * ({@code dailyFrom}/{@code dailyTill}, null to keep the record's). Attempts already counted stay.
     */
    public void scheduleCallback(long recordId, Instant at, RecordType type, String agentId, String phone,
                                 String phoneType) {
        scheduleCallback(recordId, at, type, agentId, phone, phoneType, null, null);
    }

    public void scheduleCallback(long recordId, Instant at, RecordType type, String agentId, String phone,
                                 String phoneType, Integer dailyFrom, Integer dailyTill) {
        Objects.requireNonNull(at, "at");
        if (type != RecordType.PERSONAL_CALLBACK && type != RecordType.CAMPAIGN_CALLBACK) {
            throw new IllegalArgumentException("a callback is PERSONAL_CALLBACK or CAMPAIGN_CALLBACK, not " + type);
        }
        String number = phone == null ? null : normalisePhone(phone);
        move(recordId, RecordStatus.UPDATED, RecordStatus.READY, ", dial_sched_time = ?, record_type = ?,"
                + " agent_id = COALESCE(?, agent_id), contact_info = COALESCE(?, contact_info),"
                + " contact_info_type = COALESCE(?, contact_info_type), daily_from = COALESCE(?, daily_from),"
                + " daily_till = COALESCE(?, daily_till)", at, type.name(), agentId, number, phoneType, dailyFrom,
                dailyTill);
    }

    /**
     * Preview ChangeNumber: a retrieved (previewed, not yet dialed) record is to be dialed on an "other phone
     * number" of the given contact_info_type; the number is stored on the record. Returns the record as stored.
     */
    public CallingRecord changeNumber(long recordId, String phone, String phoneType) {
        String number = normalisePhone(phone);
        try (Connection c = pool.getConnection()) {
            int changed = update(c, "UPDATE calling_record SET contact_info = ?, contact_info_type = ?, updated_at = ?"
                    + " WHERE record_id = ? AND record_status = ?", number, phoneType, clock.instant(), recordId,
                    RecordStatus.RETRIEVED.name());
            if (changed == 0) {
                throw new IllegalStateException("record " + recordId + " is not a previewed record: its number"
                        + " cannot be changed");
            }
            return RecordRows.find(c, recordId).orElseThrow();
        } catch (SQLException e) {
            throw new StoreException("changing the number of record " + recordId + " failed", e);
        }
    }

    /**
     * An agent's edit of a record's custom fields (Record Information): {@code changes} are merged into the stored
     * fields in one transaction, whatever the record's status. Returns the record as stored now.
     */
    public CallingRecord updateCustomFields(long recordId, Map<String, String> changes) {
        try (Connection c = pool.getConnection()) {
            return RecordRows.inTransaction(c, tx -> {
                CallingRecord record = RecordRows.findForUpdate(tx, recordId)
                        .orElseThrow(() -> new NoSuchElementException("no calling record " + recordId));
                Map<String, String> fields = new java.util.LinkedHashMap<>(record.customFields());
                fields.putAll(changes);
                update(tx, "UPDATE calling_record SET custom_fields = ?, updated_at = ? WHERE record_id = ?",
                        RecordRows.json(fields), clock.instant(), recordId);
                return RecordRows.find(tx, recordId).orElseThrow();
            });
        } catch (SQLException e) {
            throw new StoreException("updating the custom fields of record " + recordId + " failed", e);
        }
    }

    /** A phone number written as calling lists store it, or IllegalArgumentException saying what is wrong. */
    public static String normalisePhone(String phone) {
        try {
            return RowValues.contactInfo(phone == null ? "" : phone.trim());
        } catch (RowValues.BadValue e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^contact_info", "phone"));
        }
    }

    /**
     * At start-up: the Retrieved records this gateway left (a crash; claimed under its id, or before leases existed)
     * are settled as a lapsed lease is ({@link RecordLeases#recoverOwn()}): back to Ready when never dialed, else
     * System Error. Other gateways' claims are left to their leases.
     */
    public int recoverRetrieved() {
        RecordLeases.Reclaimed r = leases.recoverOwn();
        if (r.total() > 0) {
            log.warn("{} record(s) were left Retrieved by an earlier run: {}", r.total(), r);
        }
        return r.total();
    }

    /** Every record of {@code campaign}, by record_id. */
    public List<CallingRecord> records(String campaign) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + RecordRows.COLUMNS
                     + " FROM calling_record WHERE campaign = ? ORDER BY record_id")) {
            ps.setString(1, campaign);
            return RecordRows.readAll(ps);
        } catch (SQLException e) {
            throw new StoreException("reading campaign " + campaign + " failed", e);
        }
    }

    public Optional<CallingRecord> find(long recordId) {
        try (Connection c = pool.getConnection()) {
            return RecordRows.find(c, recordId);
        } catch (SQLException e) {
            throw new StoreException("reading record " + recordId + " failed", e);
        }
    }

    /** How many records of {@code campaign} are in each status; every status is present, zero included. */
    public Map<RecordStatus, Integer> countByStatus(String campaign) {
        Map<RecordStatus, Integer> counts = new EnumMap<>(RecordStatus.class);
        for (RecordStatus s : RecordStatus.values()) {
            counts.put(s, 0);
        }
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT record_status, COUNT(*) FROM calling_record"
                     + " WHERE campaign = ? GROUP BY record_status")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(RecordStatus.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return Collections.unmodifiableMap(counts);
        } catch (SQLException e) {
            throw new StoreException("counting campaign " + campaign + " failed", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * Moves one record {@code from -> to}, setting {@code assignments} too. The move must be in the table; the SQL
     * guard on the current status decides races, and a record found in another status is an illegal move.
     */
    private void move(long recordId, RecordStatus from, RecordStatus to, String assignments, Object... values) {
        from.moveTo(to);
        // A Retrieved record moves only for the gateway holding its lease: once a lapsed lease was reclaimed (and
        // the record perhaps claimed again elsewhere), the old holder's late write changes nothing.
        boolean leased = from == RecordStatus.RETRIEVED;
        Object[] all = new Object[values.length + (leased ? 5 : 4)];
        all[0] = to.name();
        all[1] = clock.instant();
        System.arraycopy(values, 0, all, 2, values.length);
        all[values.length + 2] = recordId;
        all[values.length + 3] = from.name();
        if (leased) {
            all[values.length + 4] = claims.gatewayId();
        }
        try (Connection c = pool.getConnection()) {
            int moved = update(c, "UPDATE calling_record SET record_status = ?, updated_at = ?" + assignments
                    + " WHERE record_id = ? AND record_status = ?"
                    + (leased ? " AND (lease_gateway IS NULL OR lease_gateway = ?)" : ""), all);
            if (moved == 0) {
                RecordStatus actual = RecordRows.find(c, recordId).map(CallingRecord::status)
                        .orElseThrow(() -> new NoSuchElementException("no calling record " + recordId));
                throw new IllegalStateException(actual == from
                        ? "record " + recordId + " is leased to another gateway: cannot move it to " + to
                        : "record " + recordId + " is " + actual + ", not " + from + ": cannot move it to " + to);
            }
        } catch (SQLException e) {
            throw new StoreException("moving record " + recordId + " to " + to + " failed", e);
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
