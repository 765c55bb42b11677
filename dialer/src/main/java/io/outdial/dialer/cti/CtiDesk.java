package io.outdial.dialer.cti;

import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.AgentDesk;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.PhoneDirectory;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.OutboundPreviewState;
import io.outdial.dialer.browserphone.BrowserPhones;
import io.outdial.dialer.call.Dialing;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.desk.RecordDesk;
import io.outdial.dialer.desk.WrapUp;
import io.outdial.dialer.preview.InteractionPreviews;
import io.outdial.dialer.preview.PreviewDesk;
import io.outdial.dialer.preview.PushPreviewDesk;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.wrapup.Disposition;
import io.outdial.dialer.wrapup.MarkDoneMode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The dialer's side of the CTI protocol: logins, agent states, call results and Mark Done. Every request is handed
 * to the dialer executor, so agent state is only ever touched there.
 */
public final class CtiDesk implements AgentDesk {
    private final CallExecutor dialer;
    private final AgentRoster roster;
    private final Campaigns campaigns;
    private final Dialing dialing;
    private final PreviewDesk preview;
    private final WrapUp wrapUp;
    private final NegotiatedLogout logouts;
    private final InteractionPreviews previews;
    private final PushPreviewDesk push;
    private final RecordDesk records;
    private final TransferDesk transfers;
    private final ConferenceDesk conferences;
    private final TransferableCalls calls;
    private final ConsultDesk consults;
    private final CommandTable commands;
    private final WrapUpCommands wrapUpCommands;
    private final KeypadCommands keypad;
    private final InteractionTools tools;
    private final BrowserPhones browserPhones;
    private final DeskLogins logins;
    private final CallControls controls;

    /**
     * @param previews         the interaction previews (Accept / Reject) of push preview and progressive
     * @param push             push preview and direct push preview delivery
     * @param records          Record Information edits and the contact history view
     * @param logoutDelayLimit the longest a Logout waits for a call being set up ({@link NegotiatedLogout})
     * @param phones           the registrar's view: the phone of an agent who logs in without a phone URI
     */
    public CtiDesk(CallExecutor dialer, AgentRoster roster, Campaigns campaigns, Dialing dialing,
                   PreviewDesk preview, InteractionPreviews previews, PushPreviewDesk push, WrapUp wrapUp,
                   RecordDesk records, Duration logoutDelayLimit, PhoneDirectory phones, PasswordChecks secretChecks,
                   io.outdial.dialer.recording.CallRecordings recordings,
                   io.outdial.dialer.responses.StandardResponses responses, BrowserPhones browserPhones) {
        this.browserPhones = browserPhones;
        this.records = records;
        this.previews = previews;
        this.push = push;
        this.dialer = dialer;
        this.roster = roster;
        this.campaigns = campaigns;
        this.dialing = dialing;
        this.preview = preview;
        this.wrapUp = wrapUp;
        CallTargets targets = new CallTargets(roster, dialing, campaigns);
        this.calls = new TransferableCalls(dialing.assignments());
        this.transfers = new TransferDesk(dialer, dialing, targets, calls);
        this.conferences = new ConferenceDesk(dialer, dialing, targets, calls);
        this.consults = new ConsultDesk(dialer, dialing, targets, calls, conferences);
        this.wrapUpCommands = new WrapUpCommands(campaigns, wrapUp, this::autoMarkDone);
        this.keypad = new KeypadCommands(dialer, calls);
        this.tools = new InteractionTools(dialer, calls, campaigns, recordings, responses);
        roster.onStateChange(tools::agentMoved);
        this.commands = commandTable();
        Scheduler onDialer = dialer.timers();
        this.logouts = new NegotiatedLogout(onDialer, logoutDelayLimit, this::logoutAuthorized);
        this.logins = new DeskLogins(dialer, roster, campaigns, phones, secretChecks, logouts, browserPhones);
        this.controls = new CallControls(dialer, preview, calls, conferences, consults);
        roster.onStateChange(logouts::agentMoved);
        roster.onStateChange((agent, previous) -> {
            Interaction ix = agent.interaction();
            if (agent.state() == AgentState.AFTER_CALL_WORK && ix != null) {
                // After the InteractionReleased that follows this move.
                dialer.execute(() -> autoMarkDone(agent, ix));
            }
        });
    }

    /**
     * {@code campaigns[i].markDone}: Mark Done for the agent once the call has ended (on_end), or once it has ended
     * and a disposition is set (on_disposition). A callback that must be fixed first leaves Mark Done to the agent.
     */
    private void autoMarkDone(Agent agent, Interaction ix) {
        MarkDoneMode mode = campaigns.work(ix.campaign()).markDone();
        if (mode == MarkDoneMode.MANUAL || agent.interaction() != ix || ix.stage() != Interaction.Stage.RELEASED
                || previews.owns(agent)) {
            return;
        }
        if (mode == MarkDoneMode.ON_DISPOSITION && ix.disposition().equals(Disposition.NONE)) {
            return;
        }
        try {
            wrapUp.check(agent, ix);
        } catch (Refused e) {
            CtiDesktop.send(agent, new CtiEvent.Error(null, CtiWire.code(e.why()),
                    "automatic Mark Done waits for you: " + e.getMessage()));
            return;
        }
        // Exactly the agent's MarkDone (preview: Done, so the campaign's next record is previewed).
        if (preview.owns(agent)) {
            preview.done(agent, ix, null, true);
        } else {
            dialing.markDone(agent, null);
        }
    }

    @Override
    public CompletableFuture<CtiEvent> login(CtiCommand.Login login, AgentChannel channel) {
        return logins.login(login, channel);
    }

    @Override
    public void command(String agentId, CtiCommand command, AgentChannel channel) {
        dialer.execute(() -> {
            Agent agent = roster.find(agentId).orElse(null);
            if (agent == null || CtiDesktop.channelOf(agent) != channel) {
                channel.send(new CtiEvent.Error(command.requestId(), CtiErrorCodes.NOT_LOGGED_IN,
                        "this connection is no longer the agent's desktop"));
                return;
            }
            try {
                refuseIfEngaging(agent, command);
                commands.dispatch(agent, command, channel);
            } catch (Refused e) {
                // The domain's refusal, answered with its CTI error code (the one mapping, CtiWire.code).
                channel.send(CtiWire.error(command.requestId(), e));
            } catch (CtiException e) {
                // The CTI handlers' own refusals.
                channel.send(new CtiEvent.Error(command.requestId(), e.code(), e.getMessage(),
                        e instanceof RestrictedWhileEngaged r ? r.action : null,
                        e instanceof ReadOnlyField r ? r.field : null));
            }
        });
    }

    /** The engaging phase restricts what the agent may do until the contact is connected: an error names it. */
    private static void refuseIfEngaging(Agent agent, CtiCommand command) {
        Interaction ix = agent.interaction();
        if (ix == null || ix.stage() != Interaction.Stage.ESTABLISHING) {
            return;
        }
        EngagingRestrictions.actionOf(command).ifPresent(action -> {
            throw new RestrictedWhileEngaged(action);
        });
    }

    /** A read-only call result or Record Information field (after a transfer that required a result first). */
    static final class ReadOnlyField extends CtiException {
        private final String field;

        ReadOnlyField(String field, String message) {
            super(CtiErrorCodes.READ_ONLY, message);
            this.field = field;
        }
    }

    /** Carries the restricted action to the error event. */
    private static final class RestrictedWhileEngaged extends CtiException {
        private final String action;

        RestrictedWhileEngaged(String action) {
            super(CtiErrorCodes.RESTRICTED_WHILE_ENGAGED, EngagingRestrictions.message(action));
            this.action = action;
        }
    }

    /** One handler per CTI command of a logged-in desktop; built once, checked complete (see CommandTable). */
    private CommandTable commandTable() {
        return CommandTable.builder()
                // A second Login on a desktop already logged in.
                .on(CtiCommand.Login.class, (agent, l, channel) -> {
                    throw new CtiException(CtiErrorCodes.ALREADY_LOGGED_IN, "already logged in");
                })
                .on(CtiCommand.Ready.class, (agent, r, channel) -> ready(agent, r.requestId()))
                .on(CtiCommand.PhoneOffer.class, (agent, o, channel) -> browserPhones.offer(agent, o.requestId(), o.sdp()))
                .on(CtiCommand.NotReady.class, (agent, n, channel) -> notReady(agent, n))
                .on(CtiCommand.SetCallResult.class, (agent, s, channel) -> wrapUpCommands.setCallResult(agent, s))
                .on(CtiCommand.MarkDone.class, (agent, m, channel) -> markDone(agent, m))
                .on(CtiCommand.Logout.class, (agent, l, channel) -> logout(agent, l, channel))
                .on(CtiCommand.GetMyCampaigns.class, (agent, g, channel) ->
                        CtiDesktop.send(agent, new CtiEvent.MyCampaigns(g.requestId(),
                                CtiWire.campaigns(campaigns.activeFor(agent.id())))))
                .on(CtiCommand.GetDispositionOptions.class, (agent, o, channel) -> wrapUpCommands.dispositionOptions(agent, o))
                .on(CtiCommand.GetRecord.class, (agent, g, channel) -> {
                    if (push.isDirectPush(g.campaign())) {
                        push.startDelivery(agent, g.campaign(), g.requestId());
                    } else {
                        preview.getRecord(agent, g.campaign(), g.requestId());
                    }
                })
                .on(CtiCommand.StopRecords.class, (agent, s, channel) ->
                        push.stopDelivery(agent, s.campaign(), s.requestId()))
                .on(CtiCommand.Accept.class, (agent, a, channel) ->
                        previews.accept(agent, ownInteraction(agent, a.interactionId()), a.requestId()))
                .on(CtiCommand.Reject.class, (agent, r, channel) ->
                        previews.reject(agent, ownInteraction(agent, r.interactionId()), r.requestId()))
                .on(CtiCommand.Call.class, (agent, c, channel) ->
                        preview.call(agent, ownInteraction(agent, c.interactionId()), c.callerId()))
                .on(CtiCommand.Decline.class, (agent, d, channel) ->
                        preview.decline(agent, ownInteraction(agent, d.interactionId()), d.reason(), d.requestId()))
                .on(CtiCommand.PauseAutoDial.class, (agent, p, channel) ->
                        preview.pauseAutoDial(agent, ownInteraction(agent, p.interactionId()), p.requestId()))
                .on(CtiCommand.ChangeNumber.class, (agent, c, channel) -> preview.changeNumber(agent,
                        ownInteraction(agent, c.interactionId()), c.recordId(), c.phone(), c.phoneType(), c.requestId()))
                .on(CtiCommand.DoneAndStop.class, (agent, d, channel) ->
                        preview.done(agent, ownInteraction(agent, d.interactionId()), d.requestId(), false))
                .on(CtiCommand.SetDisposition.class, (agent, d, channel) -> wrapUpCommands.setDisposition(agent, d))
                .on(CtiCommand.ScheduleCallback.class, (agent, c, channel) -> wrapUpCommands.scheduleCallback(agent, c))
                .on(CtiCommand.Hold.class, (agent, h, channel) -> controls.hold(agent, h.requestId(), h.interactionId(), true))
                .on(CtiCommand.SendDtmf.class, (agent, d, channel) -> keypad.sendDtmf(agent, d))
                .on(CtiCommand.StartRecording.class, (agent, r, channel) -> tools.startRecording(agent, r))
                .on(CtiCommand.StopRecording.class, (agent, r, channel) -> tools.stopRecording(agent, r))
                .on(CtiCommand.PauseRecording.class, (agent, r, channel) -> tools.pauseRecording(agent, r))
                .on(CtiCommand.ResumeRecording.class, (agent, r, channel) -> tools.resumeRecording(agent, r))
                .on(CtiCommand.GetResponses.class, (agent, g, channel) -> tools.getResponses(agent, g))
                .on(CtiCommand.SearchContacts.class, (agent, c, channel) -> {
                    tools.requireWorksOn(agent, c.campaign(), "SearchContacts");
                    records.searchContacts(agent, c.campaign(), c.query(), c.requestId());
                })
                .on(CtiCommand.GetContactDirectory.class, (agent, g, channel) ->
                        records.directory(agent, ownInteraction(agent, g.interactionId()), g.requestId()))
                .on(CtiCommand.Retrieve.class, (agent, r, channel) ->
                        controls.hold(agent, r.requestId(), r.interactionId(), false))
                .on(CtiCommand.CancelCallback.class, (agent, c, channel) -> wrapUpCommands.cancelCallback(agent, c))
                .on(CtiCommand.OutboundPreviewReady.class, (agent, r, channel) ->
                        outboundPreview(agent, OutboundPreviewState.READY, null, r.requestId()))
                .on(CtiCommand.OutboundPreviewNotReady.class, (agent, n, channel) ->
                        outboundPreview(agent, OutboundPreviewState.NOT_READY, n.reason(), n.requestId()))
                .on(CtiCommand.ReleaseCall.class, (agent, r, channel) -> controls.releaseCall(agent, r))
                .on(CtiCommand.UpdateRecordFields.class, (agent, u, channel) -> updateRecordFields(agent, u))
                .on(CtiCommand.GetContactNumbers.class, (agent, n, channel) ->
                        records.numbers(agent, ownInteraction(agent, n.interactionId()), n.requestId()))
                .on(CtiCommand.GetContactHistory.class, (agent, g, channel) ->
                        records.history(agent, ownInteraction(agent, g.interactionId()), g.requestId()))
                .on(CtiCommand.Transfer.class, (agent, t, channel) ->
                        transfers.transfer(agent, ownInteraction(agent, t.interactionId()), t))
                .on(CtiCommand.Conference.class, (agent, c, channel) ->
                        conferences.conference(agent, ownInteraction(agent, c.interactionId()), c))
                .on(CtiCommand.LeaveConference.class, (agent, l, channel) ->
                        conferences.leave(agent, ownInteraction(agent, l.interactionId()), l.requestId()))
                .on(CtiCommand.Recall.class, (agent, r, channel) ->
                        controls.recall(agent, ownInteraction(agent, r.interactionId()), r.requestId()))
                .on(CtiCommand.Consult.class, (agent, c, channel) ->
                        consults.consult(agent, ownInteraction(agent, c.interactionId()), c))
                .on(CtiCommand.CompleteTransfer.class, (agent, c, channel) ->
                        consults.completeTransfer(agent, ownInteraction(agent, c.interactionId()), c.requestId()))
                .on(CtiCommand.CompleteConference.class, (agent, c, channel) ->
                        consults.completeConference(agent, ownInteraction(agent, c.interactionId()), c.requestId()))
                .on(CtiCommand.CancelConsult.class, (agent, c, channel) ->
                        consults.cancel(agent, ownInteraction(agent, c.interactionId()), c.requestId()))
                .build();
    }

    private void updateRecordFields(Agent agent, CtiCommand.UpdateRecordFields u) {
        Interaction ix = ownInteraction(agent, u.interactionId());
        if (ix.readOnly()) {
            String field = u.fields() == null || u.fields().isEmpty() ? null : u.fields().keySet().iterator().next();
            throw new ReadOnlyField(field, "UpdateRecordFields is not allowed: the Record Information"
                    + (field == null ? "" : " (field '" + field + "')") + " is read-only after the transfer");
        }
        records.update(agent, ix, u.fields(), u.requestId());
    }

    private void ready(Agent agent, String requestId) {
        if (agent.state().isEngaged()) {
            throw notAllowed("Ready", agent, "the agent goes Ready after Mark Done");
        }
        if (agent.state() == AgentState.READY) {
            CtiDesktop.send(agent, new CtiEvent.AgentStateChanged(requestId, agent.id(), agent.state().wireName(),
                    null));
            return;
        }
        if (BrowserPhones.agentOf(agent.phone()) != null && !browserPhones.connected(agent.id())) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED,
                    "Ready waits for the browser phone: send PhoneOffer and wait for PhoneConnected");
        }
        agent.moveTo(AgentState.READY, null, requestId);
        dialing.pace();
    }

    /** The outbound-preview channel: Ready lets push preview records come, whatever the voice state. */
    private void outboundPreview(Agent agent, OutboundPreviewState next, String reason, String requestId) {
        if (agent.outboundPreview() == next) {
            CtiDesktop.send(agent, new CtiEvent.OutboundPreviewStateChanged(requestId, agent.id(), next.wireName(),
                    reason));
            return;
        }
        agent.moveOutboundPreview(next, reason, requestId);
        dialing.pace();
    }

    private void notReady(Agent agent, CtiCommand.NotReady n) {
        if (agent.state().isEngaged()) {
            // Taken into account at Mark Done, so the call in hand is not disturbed.
            agent.notReadyAfterCall(true);
            CtiDesktop.send(agent, new CtiEvent.AgentStateChanged(n.requestId(), agent.id(), agent.state().wireName(),
                    "NotReady after Mark Done"));
            return;
        }
        agent.moveTo(AgentState.NOT_READY, n.reason(), n.requestId());
    }

    static Interaction ownInteraction(Agent agent, String interactionId) {
        Interaction ix = agent.interaction();
        if (ix == null || !ix.id().equals(interactionId) || ix.stage() == Interaction.Stage.DIALING) {
            throw new CtiException(CtiErrorCodes.UNKNOWN_INTERACTION, "agent " + agent.id() + " has no interaction '"
                    + interactionId + "'");
        }
        return ix;
    }

    private void markDone(Agent agent, CtiCommand.MarkDone m) {
        Interaction ix = ownInteraction(agent, m.interactionId());
        if (previews.owns(agent)) {
            throw notAllowed("MarkDone", agent, "Accept or Reject the interaction preview first");
        }
        if (preview.owns(agent)) {
            // Preview's Done: marks done and previews the campaign's next record.
            preview.done(agent, ix, m.requestId(), true);
            return;
        }
        if (ix.stage() != Interaction.Stage.RELEASED) {
            throw notAllowed("MarkDone", agent, ix.stage() == Interaction.Stage.DONE
                    ? "the interaction is already done" : "the call is still in progress");
        }
        wrapUp.check(agent, ix);
        dialing.markDone(agent, m.requestId());
    }

    private void logout(Agent agent, CtiCommand.Logout l, AgentChannel channel) {
        if (logouts.request(agent, l.requestId())) {
            return; // negotiated: LogoutPending now, LogoutAuthorized later
        }
        agent.moveTo(AgentState.LOGGED_OUT, "Logout", l.requestId());
        CtiDesktop.send(agent, new CtiEvent.LoggedOut(l.requestId(), agent.id()));
        agent.desktop(null);
        channel.close(null);
    }

    static boolean talkingOrReleased(Interaction ix) {
        return ix.stage() == Interaction.Stage.ESTABLISHED || ix.stage() == Interaction.Stage.ON_HOLD
                || ix.stage() == Interaction.Stage.TRANSFERRING || ix.stage() == Interaction.Stage.CONFERENCE
                || ix.stage() == Interaction.Stage.CONSULTING
                || ix.stage() == Interaction.Stage.RELEASED;
    }

    /** A negotiated logout was authorized: the desktop is logged out, whatever still holds the agent. */
    private void logoutAuthorized(Agent agent, String requestId) {
        AgentChannel channel = CtiDesktop.channelOf(agent);
        if (!agent.state().isEngaged() && agent.state() != AgentState.LOGGED_OUT) {
            agent.moveTo(AgentState.LOGGED_OUT, "Logout", requestId);
        }
        CtiDesktop.send(agent, new CtiEvent.LoggedOut(requestId, agent.id()));
        if (channel == null) {
            return;
        }
        agent.desktop(null);
        if (agent.state().isEngaged()) {
            // The countdown ran out: the reservation ends as for a closed desktop (a preview record goes back to
            // the list, a call being set up ends and the agent is logged out after it).
            desktopGone(agent);
        }
        channel.close(null);
    }

    static CtiException notAllowed(String command, Agent agent, String why) {
        return new CtiException(CtiErrorCodes.NOT_ALLOWED, command + " is not allowed while " + agent.state().wireName() + ": " + why);
    }

    @Override
    public void disconnected(String agentId, AgentChannel channel) {
        dialer.execute(() -> roster.find(agentId).ifPresent(agent -> {
            if (CtiDesktop.channelOf(agent) != channel) {
                return;
            }
            agent.desktop(null);
            logouts.forget(agent);
            browserPhones.end(agent, "the desktop closed");
            desktopGone(agent);
        }));
    }

    /** The agent has no desktop any more: it is logged out, after the call or record that holds it if any. */
    private void desktopGone(Agent agent) {
        push.agentGone(agent);
        if (previews.owns(agent)) {
            // The record goes back to the top of the list; the agent is logged out as it is freed.
            agent.logoutAfterCall(true);
            previews.withdraw(agent);
        } else if (preview.owns(agent)) {
            preview.desktopGone(agent);
        } else if (agent.state() == AgentState.AFTER_CALL_WORK && agent.interaction() != null
                && agent.interaction().stage() == Interaction.Stage.RELEASED) {
            dialing.afterCall().desktopGone(agent, agent.interaction(), dialing.afterCall().campaignCalls());
        } else if (agent.state().isEngaged()) {
            agent.logoutAfterCall(true);
        } else if (agent.state() != AgentState.LOGGED_OUT) {
            agent.moveTo(AgentState.LOGGED_OUT, "DesktopDisconnected");
        }
    }
}
