package io.outdial.dialer.preview;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.RecordWrites;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.treatment.CampaignTreatments;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ChainSwitch;
import io.outdial.dialer.store.ContactInfoType;
import io.outdial.dialer.store.TreatmentStep;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which number a record in the agent's hands is dialed on: ChangeNumber (another record of the contact's chain, or an
 * "other phone number" with its type), before Call or after the call ended, and Recall (dial the same number again
 * after the call ended). After a call, the interaction goes back to a preview of the record to be dialed (Call), the
 * call just made keeping its attempt; Recall dials at once. Part of {@link PreviewDesk}; dialer executor only.
 */
final class NumberChanges {
    private static final Logger LOG = LoggerFactory.getLogger(NumberChanges.class);

    private final CallExecutor dialer;
    private final StoreAccess store;
    private final CampaignTreatments treatments;
    private final RecordWrites writes;
    /** True while the session is still the agent's (not declined, done or taken back meanwhile). */
    private final Predicate<PreviewSession> held;
    /** Call: dials a session whose interaction is a preview. */
    private final Consumer<PreviewSession> call;

    NumberChanges(CallExecutor dialer, StoreAccess store, CampaignTreatments treatments, RecordWrites writes,
                  Predicate<PreviewSession> held, Consumer<PreviewSession> call) {
        this.dialer = dialer;
        this.store = store;
        this.treatments = treatments;
        this.writes = writes;
        this.held = held;
        this.call = call;
    }

    /** ChangeNumber: before Call (stage Preview) or after the call ended (stage Released, not yet done). */
    void changeNumber(PreviewSession s, Long otherRecordId, String phone, String phoneType, String requestId) {
        boolean afterCall = s.interaction.stage() == Interaction.Stage.RELEASED;
        if (s.interaction.stage() != Interaction.Stage.PREVIEW && !afterCall) {
            throw PreviewDesk.notAllowed("ChangeNumber", s.agent, "the number can be changed before Call or"
                    + " once the call has ended, not while it is " + (s.interaction.stage() == Interaction.Stage.DONE
                    ? "done" : "in progress"));
        }
        if (afterCall) {
            mayDialAgain("ChangeNumber", s);
        }
        if (s.changingNumber) {
            throw PreviewDesk.notAllowed("ChangeNumber", s.agent, "the previous ChangeNumber is still being stored");
        }
        if (otherRecordId != null) {
            if (phone != null || phoneType != null) {
                throw new Refused(Refused.Why.BAD_REQUEST, "ChangeNumber takes either recordId (another record"
                        + " of the contact's chain) or phone and phoneType, not both");
            }
            toChainRecord(s, otherRecordId, afterCall, requestId);
            return;
        }
        if (phone == null || phone.isBlank()) {
            throw new Refused(Refused.Why.BAD_REQUEST, "ChangeNumber needs phone (the other phone number)");
        }
        String number;
        String type;
        try {
            number = CallingListStore.normalisePhone(phone);
        } catch (IllegalArgumentException e) {
            throw new Refused(Refused.Why.BAD_REQUEST, "phone: " + e.getMessage());
        }
        try {
            type = ContactInfoType.parse(phoneType == null || phoneType.isBlank() ? "Home" : phoneType).label();
        } catch (IllegalArgumentException e) {
            throw new Refused(Refused.Why.BAD_REQUEST, "phoneType: " + e.getMessage());
        }
        if (afterCall) {
            reopen(s, number, type, requestId, false);
        } else {
            toOtherNumber(s, number, type, requestId);
        }
    }

    /** Recall: the record whose call ended is dialed again on the same number (window and do-not-call checked). */
    void recall(PreviewSession s, String requestId) {
        if (s.interaction.stage() != Interaction.Stage.RELEASED) {
            throw PreviewDesk.notAllowed("Recall", s.agent, s.interaction.stage() == Interaction.Stage.PREVIEW
                    ? "the record has not been called yet: use Call" : s.interaction.stage() == Interaction.Stage.DONE
                    ? "the interaction is already done" : "the call is still in progress");
        }
        mayDialAgain("Recall", s);
        if (s.changingNumber) {
            throw PreviewDesk.notAllowed("Recall", s.agent, "a ChangeNumber is still being stored");
        }
        reopen(s, null, null, requestId, true);
    }

    private static void mayDialAgain(String command, PreviewSession s) {
        if (s.refused) {
            throw PreviewDesk.notAllowed(command, s.agent, "the pre-dial check refused record "
                    + s.interaction.record().recordId() + ": it is not dialed");
        }
        if (s.closing || s.agent.logoutAfterCall()) {
            throw PreviewDesk.notAllowed(command, s.agent, "the record is being closed");
        }
    }

    private void toOtherNumber(PreviewSession s, String number, String type, String requestId) {
        Agent agent = s.agent;
        Interaction ix = s.interaction;
        long recordId = ix.record().recordId();
        s.changingNumber = true;
        store.query(st -> st.changeNumber(recordId, number, type))
                .whenCompleteAsync(Continuations.logged("NumberChanges.toOtherNumber", (stored, error) -> {
                    s.changingNumber = false;
                    if (error != null) {
                        LOG.warn("record {}: number not changed", recordId, error);
                        agent.desktop().refused(requestId, Refused.Why.INTERNAL_ERROR, "the number of record "
                                + recordId + " could not be changed: " + error.getMessage());
                        return;
                    }
                    if (!held.test(s) || ix.stage() != Interaction.Stage.PREVIEW) {
                        return; // declined or taken back meanwhile; the number stays stored on the record
                    }
                    ix.record(stored);
                    s.unscreened = true;
                    LOG.info("campaign {}: record {} to be dialed on {} ({}) for {}", s.campaign.name(), recordId,
                            stored.contactInfo(), stored.contactInfoType(), agent.id());
                    restartCountdown(s);
                    agent.desktop().preview(requestId, ix, null,
                            s.autoDial != null && s.autoDial.state() == AutoDialState.COUNTING
                                    ? s.autoDial.seconds() : null);
                }), dialer);
    }

    /**
     * The record whose call ended is Retrieved again (on {@code number} when given): the interaction is a preview
     * again, dialed at once with {@code dial} (Recall) or when the agent presses Call (ChangeNumber).
     */
    private void reopen(PreviewSession s, String number, String type, String requestId, boolean dial) {
        Agent agent = s.agent;
        Interaction ix = s.interaction;
        long recordId = ix.record().recordId();
        String command = dial ? "Recall" : "ChangeNumber";
        s.changingNumber = true;
        store.queryAfter(ix.stored(), (ok, st) -> st.agentDials().reopen(recordId, number, type,
                        dialer.scheduler().now()))
                .whenCompleteAsync(Continuations.logged("NumberChanges.reopen", (change, error) -> {
                    s.changingNumber = false;
                    if (refused(s, command, recordId, change, error, requestId)) {
                        return;
                    }
                    CallingRecord again = change.record().orElseThrow();
                    if (!held.test(s) || ix.stage() != Interaction.Stage.RELEASED) {
                        writes.returnToReady(again.recordId()); // done or taken back meanwhile
                        return;
                    }
                    previewAgain(s, again, requestId, !dial);
                    if (dial) {
                        LOG.info("campaign {}: {} recalls record {} ({})", s.campaign.name(), agent.id(), recordId,
                                again.contactInfo());
                        call.accept(s);
                    }
                }), dialer);
    }

    /**
     * ChangeNumber to another record of the contact's chain. After a call, the record just called keeps its result
     * (the agent's, if set) and gets its campaign's treatment, as at Mark Done; dispositions, note and callback stay
     * with the interaction and are written at Mark Done on the record then in hand.
     */
    private void toChainRecord(PreviewSession s, long otherRecordId, boolean afterCall, String requestId) {
        Agent agent = s.agent;
        Interaction ix = s.interaction;
        CallingRecord dialed = ix.record();
        long recordId = dialed.recordId();
        CallResult result = ix.callResult();
        s.changingNumber = true;
        CompletableFuture<Void> before = afterCall && result != null
                ? ix.stored().thenCompose(ok -> writes.changeResult(recordId, result, agent.id()))
                : CompletableFuture.completedFuture(null);
        store.queryAfter(before, (ok, st) -> st.agentDials().switchToChainRecord(recordId, otherRecordId,
                        dialer.scheduler().now()))
                .whenCompleteAsync(Continuations.logged("NumberChanges.toChainRecord", (change, error) -> {
                    s.changingNumber = false;
                    if (refused(s, "ChangeNumber", recordId, change, error, requestId)) {
                        return;
                    }
                    CallingRecord other = change.record().orElseThrow();
                    Interaction.Stage expected = afterCall ? Interaction.Stage.RELEASED : Interaction.Stage.PREVIEW;
                    if (afterCall) {
                        treat(dialed, result);
                    }
                    if (!held.test(s) || ix.stage() != expected) {
                        writes.returnToReady(other.recordId()); // declined, done or taken back meanwhile
                        return;
                    }
                    LOG.info("campaign {}: {} changed record {} to record {} ({}) of the same contact",
                            s.campaign.name(), agent.id(), recordId, other.recordId(), other.contactInfo());
                    if (afterCall) {
                        previewAgain(s, other, requestId, true);
                        return;
                    }
                    ix.switchRecord(other);
                    s.unscreened = true;
                    restartCountdown(s);
                    agent.desktop().updated(requestId, ix);
                }), dialer);
    }

    /** The record called in this interaction, left for another of the chain: its treatment, as Mark Done does. */
    private void treat(CallingRecord dialed, CallResult result) {
        CallResult decided = result == null ? CallResult.UNKNOWN : result;
        TreatmentStep step = treatments.decide(dialed, decided, dialer.scheduler().now());
        writes.run("record " + dialed.recordId() + ": treated after ChangeNumber (" + decided + ")",
                s -> s.applyTreatment(dialed.recordId(), step));
    }

    /**
     * After a call: the interaction previews {@code record} (Retrieved: the same record again, or another of the
     * chain) and the agent is Reserved with it.
     */
    private void previewAgain(PreviewSession s, CallingRecord record, String requestId, boolean tell) {
        Interaction ix = s.interaction;
        ix.switchRecord(record);
        ix.callResult(null);
        ix.stored(CompletableFuture.completedFuture(null));
        s.unscreened = true;
        ix.stage(Interaction.Stage.PREVIEW);
        s.agent.moveTo(AgentState.RESERVED, s.campaign.name());
        if (tell) {
            s.agent.desktop().preview(requestId, ix, null, null);
        }
    }

    private boolean refused(PreviewSession s, String command, long recordId, ChainSwitch change, Throwable error,
                            String requestId) {
        if (error != null) {
            LOG.warn("record {}: {} failed", recordId, command, error);
            s.agent.desktop().refused(requestId, Refused.Why.INTERNAL_ERROR, command + " on record " + recordId
                    + " failed: " + error.getMessage());
            return true;
        }
        if (change.refusal() != null) {
            s.agent.desktop().refused(requestId, refusal(change.refusal()), command + " refused: " + change.detail());
            return true;
        }
        return false;
    }

    private static void restartCountdown(PreviewSession s) {
        if (s.autoDial != null && (s.autoDial.state() == AutoDialState.COUNTING
                || s.autoDial.state() == AutoDialState.PAUSED)) {
            s.autoDial.restart();
        }
    }

    private static Refused.Why refusal(ChainSwitch.Refusal refusal) {
        return switch (refusal) {
            case NOT_IN_CHAIN -> Refused.Why.NOT_IN_CHAIN;
            case NOT_READY -> Refused.Why.RECORD_NOT_READY;
            case OUTSIDE_CALLING_WINDOW -> Refused.Why.OUTSIDE_CALLING_WINDOW;
            case ON_DO_NOT_CALL_LIST -> Refused.Why.ON_DO_NOT_CALL_LIST;
        };
    }
}
