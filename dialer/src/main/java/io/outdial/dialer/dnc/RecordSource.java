package io.outdial.dialer.dnc;

import io.outdial.core.exec.Continuations;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.config.DncSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.TreatmentStep;
import io.outdial.dialer.treatment.CampaignTreatments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every dialing mode gets its records: the one place a record is checked before it is dialed. A number or
 * customer on the internal do-not-call list is refused; then, when the campaign has a pre-dial validation service,
 * the record is validated (HTTP, asynchronous). A refused record closes Do Not Call (51) with
 * no attempt counted, the campaign's treatment for Do Not Call applies (without one the contact's next number is
 * used), and the next record is retrieved. Store work runs on the database pool; the futures complete off the
 * dialer executor (callers hop back to it).
 */
public final class RecordSource {
    private static final Logger LOG = LoggerFactory.getLogger(RecordSource.class);

    private final CallingListStore store;
    private final Executor database;
    private final Scheduler scheduler;
    private final CampaignTreatments treatments;
    /** The campaigns, whose own do-not-call validation a record's campaign name finds. */
    private final Campaigns campaigns;
    private final PreDialValidation validation = new PreDialValidation();

    public RecordSource(CallingListStore store, Executor database, Scheduler scheduler,
                        CampaignTreatments treatments, Campaigns campaigns) {
        this.store = store;
        this.database = database;
        this.scheduler = scheduler;
        this.treatments = treatments;
        this.campaigns = campaigns;
    }

    /**
     * The next record to dial for {@code agentId} (null: any agent), refusals only logged (progressive, predictive,
     * ASM: no agent was chosen for a refused record, so no agent is told; the record still gets its result and
     * treatments).
     */
    public CompletableFuture<Optional<CallingRecord>> next(Campaign campaign, String agentId) {
        // These modes dial what they get at once: the claim is marked dialed before the future completes, so a
        // gateway that dies with the INVITE out leaves a record that is closed, never dialed again (ADR 0016).
        return next(campaign, agentId, false).thenCompose(r -> r.record().isEmpty()
                ? CompletableFuture.completedFuture(r.record())
                : CompletableFuture.supplyAsync(() -> {
                    store.leases().dialed(r.record().get().recordId());
                    return r.record();
                }, database));
    }

    /**
     * The next record to dial. {@code forAgent}: the agent sees the records (preview): after a refusal the
     * contact's next number is retrieved (not any record), and a refusal with no next number ends the retrieval so
     * that the agent can mark it Done.
     */
    public CompletableFuture<Retrieval> next(Campaign campaign, String agentId, boolean forAgent) {
        CompletableFuture<Retrieval> result = new CompletableFuture<>();
        step(campaign, agentId, forAgent, null, new ArrayList<>(), result);
        return result;
    }

    /** The pre-dial check of one record already retrieved (a number the agent changed to). */
    public CompletableFuture<Verdict> check(CallingRecord record) {
        DncSettings dnc = campaigns.dnc(record.campaign());
        CompletableFuture<Boolean> listed = CompletableFuture.supplyAsync(() -> store.doNotCall().onList(record),
                database);
        return listed.thenCompose(onList -> onList ? CompletableFuture.completedFuture(Verdict.ON_LIST)
                : validate(dnc, record));
    }

    private CompletableFuture<Verdict> validate(DncSettings dnc, CallingRecord record) {
        if (!dnc.validates()) {
            return CompletableFuture.completedFuture(Verdict.DIAL);
        }
        return validation.validate(dnc, record, store.doNotCall().customerId(record)).thenApply(v ->
                v == Verdict.UNAVAILABLE && dnc.onUnavailable() == DncSettings.OnUnavailable.DIAL ? Verdict.DIAL : v);
    }

    private void step(Campaign campaign, String agentId, boolean forAgent, String chainId, List<DncNotice> notices,
                      CompletableFuture<Retrieval> result) {
        var plan = campaign.plan();
        CompletableFuture.supplyAsync(() -> chainId != null
                        ? store.retrieveFromChainUnscreened(campaign.name(), chainId, scheduler.now(),
                                plan.pacing().compliance().noRedialAfterAbandon())
                        : store.retrieveNextUnscreened(campaign.name(), scheduler.now(), plan.maxAttempts(), agentId,
                                plan.pacing().compliance().noRedialAfterAbandon()), database)
                .thenCompose(found -> {
                    if (found.isEmpty() && chainId != null) {
                        // The next number went meanwhile (taken, outside its window): any record then.
                        step(campaign, agentId, forAgent, null, notices, result);
                        return CompletableFuture.completedFuture(null);
                    }
                    if (found.isEmpty()) {
                        result.complete(new Retrieval(Optional.empty(), notices));
                        return CompletableFuture.completedFuture(null);
                    }
                    return check(found.get()).thenCompose(v -> {
                        if (v == Verdict.DIAL) {
                            result.complete(new Retrieval(found, notices));
                            return CompletableFuture.completedFuture(null);
                        }
                        return refuse(found.get(), v == Verdict.ON_LIST ? DncReason.ON_LIST
                                : DncReason.CANNOT_VALIDATE).thenAccept(notice -> {
                                    notices.add(notice);
                                    if (forAgent && !notice.nextNumberSelected()) {
                                        result.complete(new Retrieval(Optional.empty(), notices));
                                    } else {
                                        // The contact's next number, when one is due; any record otherwise.
                                        step(campaign, agentId, forAgent,
                                                notice.nextNumberSelected() ? found.get().chainId() : null,
                                                notices, result);
                                    }
                                });
                    });
                })
                .whenComplete(Continuations.logged("RecordSource.next", (ok, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    }
                }));
    }

    /** Closes a refused record Do Not Call and applies the treatment; says whether a next number is due. */
    private CompletableFuture<DncNotice> refuse(CallingRecord record, DncReason reason) {
        return CompletableFuture.supplyAsync(() -> {
            var now = scheduler.now();
            store.refuseDial(record.recordId(), CallResult.DO_NOT_CALL, now);
            if (treatments.has(record.campaign(), CallResult.DO_NOT_CALL)) {
                TreatmentStep step = treatments.decide(record, CallResult.DO_NOT_CALL, now);
                store.applyTreatment(record.recordId(), step);
            }
            boolean next = store.chainHasDueNumber(record.recordId(), now);
            LOG.info("campaign {}: record {} ({}) not dialed: {}{}", record.campaign(), record.recordId(),
                    record.contactInfo(), reason.wireName(), next ? ", the contact's next number follows" : "");
            return new DncNotice(record, reason, next);
        }, database);
    }
}
