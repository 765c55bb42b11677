package io.outdial.dialer.preview;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.call.AfterCall;
import io.outdial.dialer.call.Assignments;
import io.outdial.dialer.call.CallPlacement;
import io.outdial.dialer.call.RecordWrites;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.config.AutoDial;
import io.outdial.dialer.config.CallerId;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.config.PreviewSettings;
import io.outdial.dialer.dnc.DncNotice;
import io.outdial.dialer.dnc.DncReason;
import io.outdial.dialer.dnc.RecordSource;
import io.outdial.dialer.dnc.Verdict;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.treatment.CampaignTreatments;
import io.outdial.dialer.trunk.OutboundRoute;
import io.outdial.sip.DialRequest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preview dialing (manual, pull): the agent asks a campaign for a record (Get Record), reads it, then calls the
 * contact (Call) or gives the record back (Decline: later, or do not call for this campaign); after the call the
 * agent sets a result and marks it Done (and is given the next record) or Done and Stop. Dialer executor only.
 */
public final class PreviewDesk {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewDesk.class);
    /** The mode's configuration name. */
    static final String LATER = "later";
    static final String DO_NOT_CALL = "do_not_call";

    private final CallExecutor dialer;
    private final CallPlacement placement;
    private final RecordSource records;
    private final InteractionIds ids;
    private final Campaigns campaigns;
    private final RecordWrites writes;
    /** The records in agents' hands and their way out of a call (the after-call path every mode shares). */
    private final PreviewSessions sessions;
    private final AfterCall afterCall;
    /** Agents a record is being retrieved for. */
    private final Set<String> retrieving = new HashSet<>();
    private final Scheduler onDialer;
    private final NumberChanges numbers;
    /** Every mode's live calls, and which mode gave each agent its interaction. */
    private final Assignments assignments;

    /**
     * @param dialer     the dialer's executor, which runs this desk
     * @param placement  how calls are placed (trunk routes, the agent's phone, each call's executor)
     * @param records    where previewed records come from (retrieval and the pre-dial check)
     * @param ids        the one source of interaction ids
     * @param store      the calling list, for ChangeNumber and Recall
     * @param treatments what follows a record's result (a record left for another of its chain)
     * @param metrics    dials and answers counted per campaign
     * @param writes     the dialer's one set of record writes (shutdown waits for them all)
     * @param afterCall  the way out of a call every dialing mode shares (with the wrap-up's checks and writes)
     * @param pace       asks progressive pacing to look again (an agent is free)
     */
    public PreviewDesk(CallExecutor dialer, CallPlacement placement, RecordSource records,
                       InteractionIds ids, StoreAccess store, CampaignTreatments treatments, DialerMetrics metrics,
                       Campaigns campaigns, RecordWrites writes, AfterCall afterCall, Assignments assignments,
                       Runnable pace) {
        this.dialer = dialer;
        this.placement = placement;
        this.records = records;
        this.ids = ids;
        this.campaigns = campaigns;
        this.writes = writes;
        this.afterCall = afterCall;
        this.assignments = assignments;
        this.sessions = new PreviewSessions(dialer, metrics, afterCall, writes, pace, this::retrieve, assignments);
        this.numbers = new NumberChanges(dialer, store, treatments, writes, sessions::holds, s -> call(s.agent, s.interaction));
        this.onDialer = dialer.timers();
    }

    /** True if the agent's interaction is a preview record (so Mark Done is this desk's). */
    public boolean owns(Agent agent) {
        return sessions.owns(agent);
    }

    /** Get Record: the campaign's next record, previewed (InteractionPreview) or NoRecord. */
    public void getRecord(Agent agent, String campaignName, String requestId) {
        Campaign campaign = campaigns.find(campaignName).orElseThrow(() -> new Refused(Refused.Why.UNKNOWN_CAMPAIGN,
                "no campaign named '" + campaignName + "'"));
        if (!campaign.plan().agentIds().contains(agent.id())) {
            throw notOnCampaign("GetRecord", agent, campaignName);
        }
        if (campaign.plan().dialingMode() != DialingMode.PREVIEW) {
            throw notAllowed("GetRecord", agent, "campaign '" + campaignName + "' is "
                    + campaign.plan().dialingModeLabel() + ": its records are not asked for");
        }
        if (campaign.state() != CampaignState.RUNNING) {
            throw notAllowed("GetRecord", agent, "campaign '" + campaignName + "' is "
                    + campaign.state().statusName() + ", not Running");
        }
        if (agent.interaction() != null || retrieving.contains(agent.id()) || agent.state().isEngaged()) {
            throw notAllowed("GetRecord", agent, "finish the record in hand first (Done or Decline)");
        }
        retrieve(agent, campaign, requestId);
    }

    private void retrieve(Agent agent, Campaign campaign, String requestId) {
        retrieving.add(agent.id());
        records.next(campaign, agent.id(), true)
                .whenCompleteAsync(Continuations.logged("PreviewDesk.retrieve", (retrieval, error) -> {
                    retrieving.remove(agent.id());
                    Optional<CallingRecord> record = error == null ? retrieval.record() : Optional.empty();
                    Optional<DncNotice> refused = error == null ? retrieval.refusedForAgent() : Optional.empty();
                    if (error == null) {
                        retrieval.notices().stream().filter(n -> refused.orElse(null) != n)
                                .forEach(n -> DncNotices.tell(agent, requestId, null, n));
                    }
                    if (error != null) {
                        LOG.error("campaign {}: cannot retrieve a record for {}", campaign.name(), agent.id(), error);
                        agent.desktop().refused(requestId, Refused.Why.INTERNAL_ERROR,
                                "the calling list could not be read: " + error.getMessage());
                    } else if (refused.isPresent()) {
                        refusedRecord(agent, campaign, refused.get(), requestId);
                    } else if (record.isEmpty()) {
                        agent.desktop().noRecord(requestId, campaign.name(), "no record is ready to be called now");
                    } else if (!canPreview(agent, campaign)) {
                        // The agent or the campaign moved on while the store answered.
                        writes.returnToReady(record.get().recordId());
                    } else {
                        preview(agent, campaign, record.get(), requestId);
                    }
                }), dialer);
    }

    /**
     * The pre-dial check refused the record and its contact has no other number: the agent is told (the seed's
     * message) and holds the record, closed Do Not Call, until Mark Done gets the next one.
     */
    private void refusedRecord(Agent agent, Campaign campaign, DncNotice n, String requestId) {
        if (!canPreview(agent, campaign)) {
            return; // already closed Do Not Call in the store; nothing to give back
        }
        Interaction ix = new Interaction(ids.next(InteractionIds.Owner.PREVIEW), campaign.name(), n.record());
        ix.callResult(CallResult.DO_NOT_CALL);
        ix.treated(true);
        ix.stored(CompletableFuture.completedFuture(null));
        ix.stage(Interaction.Stage.RELEASED);
        PreviewSession s = new PreviewSession(agent, campaign, ix, agent.state());
        s.refused = true;
        assignments.give(agent, InteractionIds.Owner.PREVIEW, ix);
        sessions.open(s);
        agent.moveTo(AgentState.RESERVED, campaign.name());
        agent.moveTo(AgentState.AFTER_CALL_WORK, campaign.name());
        DncNotices.tell(agent, requestId, ix.id(), n);
        agent.desktop().released(ix);
    }

    static boolean canPreview(Agent agent, Campaign campaign) {
        return campaign.state() == CampaignState.RUNNING && agent.interaction() == null && agent.hasDesktop()
                && (agent.state() == AgentState.READY || agent.state() == AgentState.NOT_READY);
    }

    private void preview(Agent agent, Campaign campaign, CallingRecord record, String requestId) {
        Interaction ix = new Interaction(ids.next(InteractionIds.Owner.PREVIEW), campaign.name(), record);
        ix.recordFields(campaign.plan().work().fields());
        ix.stage(Interaction.Stage.PREVIEW);
        PreviewSession s = new PreviewSession(agent, campaign, ix, agent.state());
        assignments.give(agent, InteractionIds.Owner.PREVIEW, ix);
        sessions.open(s);
        agent.moveTo(AgentState.RESERVED, campaign.name());
        LOG.info("campaign {}: record {} ({}) previewed by {}", campaign.name(), record.recordId(),
                record.contactInfo(), agent.id());
        PreviewSettings t = campaign.plan().preview(); // the campaign's preview section (auto-dial)
        if (t.autoDial() == AutoDial.TIMED) {
            s.autoDial = new AutoDialCountdown(onDialer, t.autoDialAfter(), () -> autoDial(s));
            s.autoDial.restart();
        }
        agent.desktop().preview(requestId, ix, null, s.autoDial == null ? null : s.autoDial.seconds());
        if (t.autoDial() == AutoDial.IMMEDIATE) {
            autoDial(s);
        }
    }

    /** Auto-dial (immediate, or the timed countdown ended): Call on the agent's behalf if the record is still here. */
    private void autoDial(PreviewSession s) {
        if (!sessions.holds(s) || s.interaction.stage() != Interaction.Stage.PREVIEW
                || s.changingNumber) {
            return;
        }
        OutboundRoute route = placement.route(s.campaign);
        if (!route.allowsCalls()) {
            // The record stays with the agent, who may Call once the trunk is back.
            s.agent.desktop().refused(null, Refused.Why.TRUNK_NOT_REGISTERED, "auto-dial of record "
                    + s.interaction.record().recordId() + " held: " + route.blockedReason() + "; Call when it is");
            return;
        }
        LOG.info("campaign {}: record {} auto-dialed for {}", s.campaign.name(), s.interaction.record().recordId(),
                s.agent.id());
        call(s.agent, s.interaction);
    }

    /** PauseAutoDial: the timed countdown is held while the agent enters another number. */
    public void pauseAutoDial(Agent agent, Interaction ix, String requestId) {
        PreviewSession s = session(agent, ix);
        if (ix.stage() != Interaction.Stage.PREVIEW) {
            throw notAllowed("PauseAutoDial", agent, "the record is no longer a preview");
        }
        if (s.autoDial == null) {
            throw notAllowed("PauseAutoDial", agent, "campaign '" + s.campaign.name() + "' has no timed auto-dial");
        }
        String refused = s.autoDial.pause();
        if (refused != null) {
            throw notAllowed("PauseAutoDial", agent, refused);
        }
        agent.desktop().autoDialPaused(requestId, ix);
    }

    /**
     * ChangeNumber, before Call or once the call has ended: another record of the contact's chain, or an "other phone
     * number" with its type ({@link NumberChanges}).
     */
    public void changeNumber(Agent agent, Interaction ix, Long otherRecordId, String phone, String phoneType,
                             String requestId) {
        numbers.changeNumber(session(agent, ix), otherRecordId, phone, phoneType, requestId);
    }

    /** Recall: the record whose call has ended is dialed again, on the same number. */
    public void recall(Agent agent, Interaction ix, String requestId) {
        numbers.recall(session(agent, ix), requestId);
    }

    /**
     * A pushed record the agent accepted (push preview, direct push preview): it becomes a preview record of this
     * desk, the session of the agent's holding (the push desk gave it the record, its offer has ended; the agent
     * already Reserved with it), and is called at once, like Call.
     *
     * @param before    the voice state the agent goes back to after Done
     * @param afterDone told of Done (true) or Done and Stop (false) before the agent is freed
     */
    public void callAccepted(Agent agent, Campaign campaign, Interaction ix, AgentState before,
                             Consumer<Boolean> afterDone) {
        PreviewSession s = new PreviewSession(agent, campaign, ix, before);
        s.afterDone = afterDone;
        ix.stage(Interaction.Stage.PREVIEW);
        sessions.open(s);
        call(agent, ix);
    }

    /** Call: the agent's phone, then the previewed contact. */
    public void call(Agent agent, Interaction ix) {
        call(agent, ix, null);
    }

    /**
     * Call presenting {@code callerId}, one of the caller ids the campaign offers ("select the caller ID details you
     * want to use"); null: the campaign's default.
     */
    public void call(Agent agent, Interaction ix, String callerId) {
        PreviewSession s = session(agent, ix);
        if (ix.stage() != Interaction.Stage.PREVIEW) {
            throw notAllowed("Call", agent, "the record is already " + (ix.stage() == Interaction.Stage.DONE
                    ? "done" : "being called"));
        }
        if (s.changingNumber) {
            throw notAllowed("Call", agent, "the new number is still being stored: Call again in a moment");
        }
        OutboundRoute route = placement.route(s.campaign);
        if (callerId != null) {
            s.callerId = route.callerId(callerId).orElseThrow(() -> new Refused(Refused.Why.CALLER_ID_NOT_OFFERED,
                    "callerId '" + callerId + "' is not one campaign " + s.campaign.name() + " offers"
                            + (route.callerIds().isEmpty() ? " (it offers none to choose from)" : ": "
                            + route.callerIds().stream().map(CallerId::number).toList())));
        }
        if (!route.allowsCalls()) {
            throw new Refused(Refused.Why.TRUNK_NOT_REGISTERED, route.blockedReason()
                    + ": Call again when it is");
        }
        if (s.autoDial != null) {
            s.autoDial.cancel();
        }
        if (s.unscreened) {
            screenThenDial(s);
            return;
        }
        dial(s);
    }

    /**
     * A number the agent chose (ChangeNumber, Recall) was not screened when the record was retrieved: the pre-dial
     * check (internal list, validation service) runs now, and a refused number is not dialed; the agent is told why
     * (DoNotCallNotice) and keeps the preview, to change the number again or decline.
     */
    private void screenThenDial(PreviewSession s) {
        Interaction ix = s.interaction;
        s.changingNumber = true;
        records.check(ix.record())
                .whenCompleteAsync(Continuations.logged("PreviewDesk.screenThenDial", (verdict, error) -> {
            s.changingNumber = false;
            if (!sessions.holds(s) || ix.stage() != Interaction.Stage.PREVIEW) {
                return;
            }
            if (error == null && verdict == Verdict.DIAL) {
                s.unscreened = false;
                dial(s);
                return;
            }
            if (error != null) {
                LOG.warn("record {}: pre-dial check failed", ix.record().recordId(), error);
            }
            DncReason reason = error == null && verdict == Verdict.ON_LIST ? DncReason.ON_LIST
                    : DncReason.CANNOT_VALIDATE;
            LOG.info("campaign {}: record {} ({}) not dialed for {}: {}", s.campaign.name(), ix.record().recordId(),
                    ix.record().contactInfo(), s.agent.id(), reason.wireName());
            DncNotices.tell(s.agent, null, ix.id(), new DncNotice(ix.record(), reason, false));
        }), dialer);
    }

    private void dial(PreviewSession s) {
        Agent agent = s.agent;
        Interaction ix = s.interaction;
        CallingRecord record = ix.record();
        DialRequest toAgent = placement.toAgentPhone(agent, record, s.campaign.name());
        DialRequest toContact = placement.toNumber(s.campaign, record.contactInfo(), s.callerId);
        ix.stage(Interaction.Stage.RINGING);
        PreviewCall call = new PreviewCall(ix.id(), placement.executorFor("call-" + ix.id()), placement.userAgent(),
                toAgent, toContact, sessions.observer(s), placement.media(), placement.holdMusic());
        LOG.info("campaign {}: agent {} calls record {} ({})", s.campaign.name(), agent.id(), record.recordId(),
                record.contactInfo());
        sessions.placed(s, call);
        call.start();
    }

    /** Decline: the record back to the list ({@code later}) or cancelled for this campaign ({@code do_not_call}). */
    public void decline(Agent agent, Interaction ix, String reason, String requestId) {
        PreviewSession s = session(agent, ix);
        if (ix.stage() != Interaction.Stage.PREVIEW) {
            throw notAllowed("Decline", agent, "only a record not yet called can be declined");
        }
        long recordId = ix.record().recordId();
        if (LATER.equals(reason)) {
            writes.returnToReady(recordId);
        } else if (DO_NOT_CALL.equals(reason)) {
            ix.callResult(CallResult.CANCEL_RECORD);
            writes.run("record " + recordId + ": cancelled for campaign " + s.campaign.name(),
                    db -> db.cancel(recordId, CallResult.CANCEL_RECORD, agent.id()));
        } else {
            throw new Refused(Refused.Why.BAD_REQUEST, "reason must be '" + LATER + "' (call this contact later)"
                    + " or '" + DO_NOT_CALL + "' (do not call this contact for this campaign), got '" + reason + "'");
        }
        LOG.info("campaign {}: record {} declined by {} ({})", s.campaign.name(), recordId, agent.id(), reason);
        ix.stage(Interaction.Stage.DONE);
        agent.desktop().declined(requestId, ix, reason);
        sessions.end(s);
    }

    /**
     * Done (Mark Done) on a released preview interaction: the result is written, then, with {@code next}, the
     * campaign's next record is previewed (Done) or not (Done and Stop).
     */
    public void done(Agent agent, Interaction ix, String requestId, boolean next) {
        PreviewSession s = session(agent, ix);
        if (ix.stage() != Interaction.Stage.RELEASED) {
            throw notAllowed(next ? "MarkDone" : "DoneAndStop", agent, ix.stage() == Interaction.Stage.DONE
                    ? "the interaction is already done" : ix.stage() == Interaction.Stage.PREVIEW
                    ? "the record was not called: Call or Decline it" : "the call is still in progress");
        }
        afterCall.check(agent, ix);
        sessions.finish(s, requestId, next);
    }

    /** The agent's desktop went away: a record not called goes back to the list, a released one is marked done. */
    public void desktopGone(Agent agent) {
        sessions.desktopGone(agent);
    }

    /** The campaign was unloaded: calls are hung up, records not called go back to the list. */
    public void unloaded(Campaign campaign) {
        sessions.unloaded(campaign);
    }

    /** Gateway stopping: every preview call hung up, every record settled. */
    public void dropAll() {
        dialer.execute(sessions::dropAll);
    }

    /**
     * Completes when no call is up and every write has finished: the registry's one idle question (no call of any
     * mode left, this desk's preview calls among them), then the dialer's writes drained.
     */
    public CompletableFuture<Void> idle() {
        return CompletableFuture.supplyAsync(assignments.calls()::idle, dialer)
                .thenCompose(idle -> idle).thenCompose(ok -> writes.drained());
    }

    private PreviewSession session(Agent agent, Interaction ix) {
        return sessions.session(agent, ix);
    }

    /** WRONG_STATE: {@code command} does not fit the state the agent, its record or its campaign is in. */
    static Refused notAllowed(String command, Agent agent, String why) {
        return new Refused(Refused.Why.WRONG_STATE, command + " is not allowed while "
                + agent.state().wireName() + ": " + why);
    }

    /** NOT_ON_CAMPAIGN: the agent does not work on {@code campaign}. */
    static Refused notOnCampaign(String command, Agent agent, String campaign) {
        return new Refused(Refused.Why.NOT_ON_CAMPAIGN, command + " is not allowed while "
                + agent.state().wireName() + ": agent " + agent.id() + " does not work on campaign '" + campaign + "'");
    }

    /** For tests and metrics: the agent's preview record in hand (its holding's session in the registry). */
    Optional<PreviewSession> sessionOf(Agent agent) {
        return sessions.of(agent);
    }

    /** Every mode's live calls and the agents' interactions by mode (the push desk gives its agents theirs). */
    Assignments assignments() {
        return assignments;
    }
}
