package io.outdial.dialer.store;

import io.outdial.dialer.pacing.compliance.ComplianceSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calling lists of every campaign, in one database. Blocking JDBC: call it from the dialer's bounded database
 * pool only. Thread-safe; each method is one short transaction. Status moves follow {@link RecordStatus}'s table and
 * are guarded in SQL ({@code WHERE record_status = ...}), so two callers can never both move the same record.
 * The one way in: it opens the database and hands each call to the part that owns it (the list's import, the claims
 * of Ready records, the moves after a claim, and the stores of the accessors below).
 */
public final class CallingListStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallingListStore.class);

    private final HikariDataSource pool;
    private final ListImport imports;
    private final RecordClaims recordClaims;
    private final RecordMoves moves;
    private final GatewayPresence presence;
    private final DoNotCallList doNotCall;
    private final ContactLedger ledger;
    private final PersonalCallbacks personalCallbacks;
    private final AgentDials agentDials;
    private final SipPasswordStore sipPasswords;
    private final RecordingLog recordings;
    private final ResponseLibrary responses;
    private final ContactEdits contactEdits;
    private final AuditTrail auditTrail;
    private final RecordLeases leases;
    private final CampaignControl campaignControl;

    private CallingListStore(HikariDataSource pool, StoreVendor vendor, ZoneId defaultZone, CallingHours defaultHours,
                             Clock clock, ClaimSettings claims) {
        this.pool = pool;
        this.leases = new RecordLeases(pool, vendor, clock, claims);
        this.campaignControl = new CampaignControl(pool, clock);
        this.presence = new GatewayPresence(pool);
        this.imports = new ListImport(pool, new RowValues(defaultZone, defaultHours), clock);
        this.doNotCall = new DoNotCallList(pool, clock);
        this.recordClaims = new RecordClaims(pool, vendor, doNotCall, clock, claims);
        this.moves = new RecordMoves(pool, clock, claims);
        this.ledger = new ContactLedger(pool);
        this.personalCallbacks = new PersonalCallbacks(pool, clock);
        this.agentDials = new AgentDials(pool, doNotCall, clock, claims);
        this.sipPasswords = new SipPasswordStore(pool, clock);
        this.auditTrail = new AuditTrail(pool);
        this.recordings = new RecordingLog(pool);
        this.responses = new ResponseLibrary(pool, clock);
        this.contactEdits = new ContactEdits(pool);
    }

    /**
     * Hands the pool's use and wait to {@code registry} (a Micrometer {@code MeterRegistry}, through HikariCP's own
     * tracker). A pool reports to one registry for its life: later calls are ignored.
     */
    public synchronized void measurePool(Object registry) {
        if (pool.getMetricRegistry() == null) {
            pool.setMetricRegistry(registry);
        }
    }

    /** Opens an H2 (file or in-memory) or PostgreSQL database with records imported without tz in UTC. */
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
    public static final int PROGRESS_EVERY = ListImport.PROGRESS_EVERY;

    /**
     * As {@link #importCsv(String, Reader)}, streaming (memory does not grow with the file: rows are inserted in
     * batches of {@value ListImport#INSERT_BATCH} as they are read), telling {@code progress} the records imported so
     * far every {@value #PROGRESS_EVERY} of them.
     */
    public ImportReport importCsv(String campaign, Reader csv, LongConsumer progress) {
        return imports.importCsv(campaign, csv, progress);
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
        return recordClaims.next(campaign, now, maxAttempts, agentId, noRedialAfterAbandon, true);
    }

    /**
     * Like {@link #retrieveNext(String, Instant, int, String, Duration)}, but a record on the internal do-not-call
     * list is returned like any other (still Retrieved): the caller checks it, closes it with {@link #refuseDial}
     * and tells the agent concerned.
     */
    public Optional<CallingRecord> retrieveNextUnscreened(String campaign, Instant now, int maxAttempts,
                                                         String agentId, Duration noRedialAfterAbandon) {
        return recordClaims.next(campaign, now, maxAttempts, agentId, noRedialAfterAbandon, false);
    }

    /**
     * The chain's next number: moves the Ready, due record of {@code chainId} with the lowest chain_n to Retrieved
     * and returns it, under the same checks as {@link #retrieveNext} (do-not-call, calling window, no-redial).
     * Empty when the chain has no number due now.
     */
    public Optional<CallingRecord> retrieveFromChain(String campaign, String chainId, Instant now,
                                                     Duration noRedialAfterAbandon) {
        return recordClaims.fromChain(campaign, chainId, now, noRedialAfterAbandon, true);
    }

    /** {@link #retrieveFromChain} without the do-not-call check (see {@link #retrieveNextUnscreened}). */
    public Optional<CallingRecord> retrieveFromChainUnscreened(String campaign, String chainId, Instant now,
                                                               Duration noRedialAfterAbandon) {
        return recordClaims.fromChain(campaign, chainId, now, noRedialAfterAbandon, false);
    }

    /**
     * Retrieved to Updated with {@code result}, no attempt counted: the pre-dial check refused the record, it was
     * never dialed. Returns whether its contact has another number (same chain) Ready and due by {@code now}.
     */
    public boolean refuseDial(long recordId, CallResult result, Instant now) {
        moves.refuseDial(recordId, result);
        return recordClaims.chainHasDueNumber(recordId, now);
    }

    /** Whether the record's contact has another number (same chain) Ready and due by {@code now}. */
    public boolean chainHasDueNumber(long recordId, Instant now) {
        return recordClaims.chainHasDueNumber(recordId, now);
    }

    /** Retrieved to Updated after a dial attempt: counts the attempt, keeps its result, time and agent (or null). */
    public void complete(long recordId, CallResult result, Instant callTime, String agentId) {
        moves.complete(recordId, result, callTime, agentId);
    }

    /** An Updated record's result changed by the agent (Set Call Result, Mark Done); a null agent keeps the last. */
    public void changeResult(long recordId, CallResult result, String agentId) {
        moves.changeResult(recordId, result, agentId);
    }

    /** Retrieved back to Ready without counting an attempt: the call was never placed, or the agent rejected it. */
    public void returnToReady(long recordId) {
        moves.returnToReady(recordId);
    }

    /**
     * Retrieved back to Ready at the top of the list, no attempt counted: an interaction preview was rejected or
     * not answered in time, so the record is the next one retrieved from its campaign.
     */
    public void returnToTop(long recordId) {
        moves.returnToTop(recordId);
    }

    /**
     * Retrieved to Cancelled with {@code result}, no attempt counted: the agent declined the record for this
     * campaign ("do not call this contact for this campaign"). A Cancelled record is never retrieved again.
     */
    public void cancel(long recordId, CallResult result, String agentId) {
        moves.cancel(recordId, result, agentId);
    }

    /**
     * Updated back to Ready, due at {@code dialSchedTime} and typed Campaign Rescheduled: a treatment's retry.
     * Attempts already counted stay counted.
     */
    public void reschedule(long recordId, Instant dialSchedTime) {
        moves.reschedule(recordId, dialSchedTime);
    }

    /**
     * What follows a record's final result (its campaign's treatment): a retry (back to Ready, due), a cancel, the
     * chain's next number made due, or nothing more; when the contact is done (no retry, no next number), the
     * chain's other Ready numbers become Chain Updated and are not dialed.
     */
    public void applyTreatment(long recordId, TreatmentStep step) {
        moves.applyTreatment(recordId, step);
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
        moves.scheduleCallback(recordId, at, type, agentId, phone, phoneType, dailyFrom, dailyTill);
    }

    /**
     * Preview ChangeNumber: a retrieved (previewed, not yet dialed) record is to be dialed on an "other phone
     * number" of the given contact_info_type; the number is stored on the record. Returns the record as stored.
     */
    public CallingRecord changeNumber(long recordId, String phone, String phoneType) {
        return moves.changeNumber(recordId, phone, phoneType);
    }

    /**
     * An agent's edit of a record's custom fields (Record Information): {@code changes} are merged into the stored
     * fields in one transaction, whatever the record's status. Returns the record as stored now.
     */
    public CallingRecord updateCustomFields(long recordId, Map<String, String> changes) {
        return moves.updateCustomFields(recordId, changes);
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

    /** The audit log of supervisor and admin actions. */
    public AuditTrail auditTrail() {
        return auditTrail;
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

    @Override
    public void close() {
        pool.close();
    }
}
