package io.outdial.dialer.call;

import io.outdial.core.exec.Continuations;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.store.TreatmentStep;
import io.outdial.dialer.treatment.CampaignTreatments;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's writes to the calling list: run on the database pool, retried a few times (a database blip must
 * not leave a record Retrieved), and tracked so that shutdown can wait for the last ones. One per dialer: every
 * dialing mode and desk writes through the same one, so {@link #drained()} waits for all of them.
 */
public final class RecordWrites {
    private static final Logger LOG = LoggerFactory.getLogger(RecordWrites.class);
    private static final int ATTEMPTS = 3;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final StoreAccess store;
    private final Scheduler scheduler;
    private final CampaignTreatments treatments;
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();

    /**
     * @param scheduler  the dialer's clock and the retries' timer
     * @param treatments what follows a record's final result, per campaign
     */
    public RecordWrites(StoreAccess store, Scheduler scheduler, CampaignTreatments treatments) {
        this.store = store;
        this.scheduler = scheduler;
        this.treatments = treatments;
    }

    /** Retrieved to Updated with the call's result. */
    public CompletableFuture<Void> complete(long recordId, CallResult result, Instant callTime, String agentId) {
        return write("record " + recordId + ": result " + result,
                s -> s.complete(recordId, result, callTime, agentId));
    }

    /**
     * A result that is final (no agent will change it): Retrieved to Updated, then the campaign's treatment
     * (retry, next number in the chain, cancel, or the contact done).
     */
    public CompletableFuture<Void> completeAndTreat(CallingRecord record, CallResult result, Instant callTime,
                                                    String agentId) {
        return complete(record.recordId(), result, callTime, agentId).thenCompose(ok -> treat(record, result));
    }

    /** The campaign's treatment of an Updated record whose result is now final. */
    public CompletableFuture<Void> treat(CallingRecord record, CallResult result) {
        TreatmentStep step = treatments.decide(record, result, scheduler.now());
        return write("record " + record.recordId() + ": treatment of " + result + " -> " + step.kind()
                + (step.due() == null ? "" : " due " + step.due()),
                s -> s.applyTreatment(record.recordId(), step));
    }

    /** The agent's final result on an Updated record. */
    public CompletableFuture<Void> changeResult(long recordId, CallResult result, String agentId) {
        return write("record " + recordId + ": agent's result " + result,
                s -> s.changeResult(recordId, result, agentId));
    }

    /** Retrieved back to Ready, no attempt counted. */
    public CompletableFuture<Void> returnToReady(long recordId) {
        return write("record " + recordId + ": back to Ready", s -> s.returnToReady(recordId));
    }

    /** Back to Ready at the top of the list (a rejected interaction preview): the next record retrieved. */
    public CompletableFuture<Void> returnToTop(long recordId) {
        return write("record " + recordId + ": back to the top of the list", s -> s.returnToTop(recordId));
    }

    /** Any other write of the dialer's, with the same retries and tracking. */
    public CompletableFuture<Void> run(String what, Consumer<CallingListStore> op) {
        return write(what, op);
    }

    /**
     * The contact is being dialed: noted on the record's lease. The dialing modes that retrieve and dial at once
     * have it noted before the INVITE (RecordSource); a preview's dial, chosen by the agent later, notes it here.
     */
    public CompletableFuture<Void> dialed(long recordId) {
        return write("record " + recordId + ": dialed", s -> s.leases().dialed(recordId));
    }

    /** The contact answered: noted on the record's lease (a gateway dying now leaves it held back 72 h). */
    public CompletableFuture<Void> answered(long recordId) {
        return write("record " + recordId + ": answered", s -> s.leases().answered(recordId));
    }

    /** The number of an abandoned call, for the no-redial rule. */
    CompletableFuture<Void> abandoned(String phone, String campaign, Instant at) {
        return write("abandoned call to " + phone, s -> s.ledger().recordAbandoned(phone, campaign, at));
    }

    /** Adds to a campaign's stored abandonment counts of one day (the ledger that survives restarts). */
    CompletableFuture<Void> abandonmentCounts(String campaign, java.time.LocalDate day, long live, long abandoned,
                                              long machines) {
        return write("campaign " + campaign + ": abandonment counts of " + day,
                s -> s.ledger().addAbandonmentCounts(campaign, day, live, abandoned, machines));
    }

    /** Completes when every write started so far has finished (or failed for good). */
    public CompletableFuture<Void> drained() {
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .handle((ok, error) -> null);
    }

    private CompletableFuture<Void> write(String what, Consumer<CallingListStore> op) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(done);
        done.whenComplete(Continuations.logged("RecordWrites.done", (ok, error) -> pending.remove(done)));
        attempt(what, op, 1, done);
        return done;
    }

    private void attempt(String what, Consumer<CallingListStore> op, int attempt, CompletableFuture<Void> done) {
        CompletableFuture<Void> run;
        try {
            run = store.update(op);
        } catch (RejectedExecutionException e) {
            LOG.error("{}: not written, the database pool is stopped", what);
            done.completeExceptionally(e);
            return;
        }
        run.whenComplete(Continuations.logged("RecordWrites.attempt", (ok, error) -> {
            if (error == null) {
                done.complete(null);
            } else if (error.getCause() instanceof IllegalStateException || attempt >= ATTEMPTS) {
                // A refused status move will be refused again; anything else had its retries.
                LOG.error("{}: not written ({} attempt(s))", what, attempt, error);
                done.completeExceptionally(error);
            } else {
                LOG.warn("{}: write failed, retrying in {}: {}", what, RETRY_AFTER, error.toString());
                scheduler.schedule(RETRY_AFTER, () -> attempt(what, op, attempt + 1, done));
            }
        }));
    }
}
