package io.outdial.dialer.desk;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.AfterCall;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.store.TreatmentStep;
import io.outdial.dialer.treatment.CampaignTreatments;
import io.outdial.dialer.wrapup.Callback;
import io.outdial.dialer.wrapup.Callbacks;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Mark Done does besides writing the call result, for every dialing mode: refuses while a callback is wrong,
 * then writes the contact history (and do-not-call wish) and applies the callback to the record.
 */
public final class WrapUp implements AfterCall.WrapUpWork {
    private static final Logger LOG = LoggerFactory.getLogger(WrapUp.class);

    private final Scheduler clock;
    private final StoreAccess store;
    private final CampaignTreatments treatments;
    private final Dispositions dispositions;

    /**
     * @param clock      the dialer's clock (virtual in tests)
     * @param treatments what follows a record's final result, per campaign
     */
    public WrapUp(Scheduler clock, StoreAccess store, CampaignTreatments treatments,
                  Dispositions dispositions) {
        this.clock = clock;
        this.store = store;
        this.treatments = treatments;
        this.dispositions = dispositions;
    }

    /** The dialer's clock (virtual in tests). */
    public java.time.Instant now() {
        return clock.now();
    }

    public Dispositions dispositions() {
        return dispositions;
    }

    /** Refuses (CALLBACK_TO_FIX) while the interaction's callback was refused or its time has passed. */
    @Override
    public void check(Agent agent, Interaction ix) {
        String problem = ix.callbackProblem() != null ? ix.callbackProblem()
                : Callbacks.problemAt(ix.callback(), clock.now());
        if (problem != null) {
            throw new Refused(Refused.Why.CALLBACK_TO_FIX, "MarkDone is not allowed while "
                    + agent.state().wireName() + ": " + problem);
        }
    }

    /**
     * After the result's write: history and do-not-call, then the callback (the record back to Ready, due), or else
     * the campaign's treatment (not again for a record the pre-dial check refused: it was treated then).
     */
    @Override
    public CompletableFuture<Void> write(Agent agent, Interaction ix) {
        Callback cb = ix.callback();
        CompletableFuture<Void> history = dispositions.write(agent, ix);
        if (cb == null && (ix.callResult() == null || ix.treated())) {
            return history; // a refused record was treated when it was closed Do Not Call
        }
        if (cb == null) {
            // No callback: the agent's result is final, and the campaign's treatment decides what follows.
            TreatmentStep step = treatments.decide(ix.record(), ix.callResult(), clock.now());
            return store.updateAfter(history, s -> s.applyTreatment(ix.record().recordId(), step));
        }
        long recordId = ix.record().recordId();
        return store.updateAfter(history, s -> {
            s.scheduleCallback(recordId, cb.at(), cb.type(),
                    cb.type() == io.outdial.dialer.record.RecordType.PERSONAL_CALLBACK ? cb.agentId() : null,
                    cb.phone(), cb.phoneType(), cb.dailyFrom(), cb.dailyTill());
            LOG.info("campaign {}: record {} is a {} due {}", ix.campaign(), recordId, cb.type(), cb.at());
        });
    }
}
