package io.outdial.dialer.preview;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.Assignments;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.config.CallerId;
import java.util.function.Consumer;

/**
 * One previewed record in an agent's hands, from Get Record to Done or Decline: the desk's own state of the agent's
 * holding, kept as that holding's session in the registry ({@link Assignments#openSession}). Its call, while one is
 * up, is not here but a call of the registry (with a {@code PreviewSessions.SessionCall} as its state): a record
 * before Call has no call, and a call a transfer handed on outlives the session. Dialer-executor confined.
 */
final class PreviewSession implements Assignments.Session {
    final Agent agent;
    final Campaign campaign;
    final Interaction interaction;
    /** The voice state the agent goes back to once the record is done (Ready or Not Ready). */
    final AgentState before;
    /** The campaign went away or the gateway stops: a call that finishes now ends the session. */
    boolean closing;
    /**
     * For a pushed record (push preview, direct push preview): told of Done ({@code true}) or Done and Stop before
     * the agent is freed; the push desk then delivers the next record itself. Null for a pulled preview record.
     */
    Consumer<Boolean> afterDone;
    /** The pre-dial check refused the record (closed Do Not Call, never dialed): Mark Done writes no result. */
    boolean refused;
    /** The timed auto-dial countdown of a pulled preview record, or null (auto-dial off or immediate). */
    AutoDialCountdown autoDial;
    /** A ChangeNumber is being stored: Call waits for the new number. */
    boolean changingNumber;
    /**
     * The number to dial was chosen by the agent (ChangeNumber, Recall), not screened at retrieval: Call runs the
     * pre-dial check (internal list and validation service) first.
     */
    boolean unscreened;
    /** The caller id the agent chose with Call, or null for the campaign's default. */
    CallerId callerId;

    PreviewSession(Agent agent, Campaign campaign, Interaction interaction, AgentState before) {
        this.agent = agent;
        this.campaign = campaign;
        this.interaction = interaction;
        this.before = before;
    }
}
