package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.Dialing;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.wrapup.RecordWork;
import io.outdial.sip.DialRequest;
import java.util.regex.Pattern;

/**
 * Who a Transfer or Conference dials: another logged-in, Ready agent (reserved with an interaction of its own for the
 * same record) or an outside number through the trunk. Also the campaign's rule that a call result comes first.
 * Dialer executor only.
 */
final class CallTargets {
    /** An outside number: digits, optionally a leading + (spaces, dots, dashes and brackets are dropped). */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");

    /**
     * A resolved target: {@code agent} and {@code interaction} are null for an outside number; {@code name} is the
     * agent id or the number as dialed.
     */
    record Target(Agent agent, Interaction interaction, DialRequest request, String name) {
        boolean isAgent() {
            return agent != null;
        }

        /** An agent still reserved with (or talking on) this target interaction: not freed or moved on meanwhile. */
        boolean stillHolds() {
            return agent != null && agent.interaction() == interaction;
        }
    }

    private final AgentRoster roster;
    private final Dialing dialing;
    /** The campaigns, whose own record work and trunk the interaction's campaign name finds. */
    private final Campaigns campaigns;

    CallTargets(AgentRoster roster, Dialing dialing, Campaigns campaigns) {
        this.roster = roster;
        this.dialing = dialing;
        this.campaigns = campaigns;
    }

    RecordWork.Rules rules(Interaction ix) {
        return campaigns.work(ix.campaign());
    }

    /**
     * {@code campaigns[i].resultRequiredBeforeTransfer}: Transfer and Conference wait for a call result or a
     * disposition code.
     */
    void refuseWithoutResult(Interaction ix, String command) {
        if (rules(ix).resultRequiredBeforeTransfer() && ix.callResult() == null && ix.disposition().code() == null) {
            throw new CtiException(CtiErrorCodes.CALL_RESULT_REQUIRED, command + " is not allowed yet: set the call"
                    + " result (SetCallResult) or a disposition first; campaign " + ix.campaign()
                    + " requires one before a transfer or conference");
        }
    }

    /**
     * Checks the target and, for an agent, reserves it with its own interaction of {@code ix}'s record (call result
     * and disposition carried over, Origin {@code origin}). Throws the refusal otherwise.
     */
    Target reserve(Agent agent, Interaction ix, String agentId, String phone, String command, String origin) {
        boolean toAgent = agentId != null && !agentId.isBlank();
        boolean toPhone = phone != null && !phone.isBlank();
        if (toAgent == toPhone) {
            throw new CtiException(CtiErrorCodes.INVALID, command + " needs exactly one of agentId and phone");
        }
        if (toPhone) {
            String number = outsideNumber(phone, command);
            return new Target(null, null, dialing.outsideNumberRequest(campaigns.trunk(ix.campaign()), number), number);
        }
        Agent target = targetAgent(agent, agentId, command);
        Interaction targetIx = new Interaction(ix.id(), ix.campaign(), ix.record());
        targetIx.recordFields(ix.recordFields());
        targetIx.callResult(ix.callResult());
        targetIx.disposition(ix.disposition());
        targetIx.origin(origin);
        dialing.assignments().giveTarget(ix.id(), target, targetIx);
        target.moveTo(AgentState.RESERVED, ix.campaign());
        return new Target(target, targetIx, dialing.agentPhoneRequest(target, targetIx), target.id());
    }

    private Agent targetAgent(Agent agent, String agentId, String command) {
        Agent target = roster.find(agentId).orElseThrow(() -> new CtiException(CtiErrorCodes.NOT_ALLOWED,
                command + " is not allowed: there is no agent '" + agentId + "'"));
        if (target == agent) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, command + " is not allowed: the call is already yours");
        }
        if (target.state() != AgentState.READY || target.interaction() != null || target.phone() == null) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, command + " is not allowed: agent " + target.id()
                    + " is " + target.state().wireName() + ", the target must be logged in and Ready");
        }
        return target;
    }

    private static String outsideNumber(String phone, String command) {
        String number = phone.replaceAll("[\\s.()-]", "");
        if (!NUMBER.matcher(number).matches()) {
            throw new CtiException(CtiErrorCodes.INVALID, command + " phone '" + phone
                    + "' is not a phone number (digits, optionally a leading +)");
        }
        return number;
    }

    /**
     * The call would not start the side call (it ended or changed meanwhile): the interaction is connected again if
     * it is still in {@code stage}, the target is freed and the agent is told why {@code command} failed.
     */
    void notStarted(Agent agent, Interaction ix, Interaction.Stage stage, Target target, String requestId,
                    String command) {
        if (ix.stage() == stage) {
            ix.stage(Interaction.Stage.ESTABLISHED);
        }
        free(target, AgentState.READY, null);
        CtiDesktop.send(agent, new CtiEvent.Error(requestId, CtiErrorCodes.NOT_ALLOWED, command
                + " is not allowed: the call has ended or changed"));
    }

    /** The side call rings the target's phone: a target agent still reserved with it sees its interaction ring. */
    void ringing(Target target) {
        if (target.stillHolds()) {
            target.interaction().stage(Interaction.Stage.RINGING);
            target.agent().desktop().ringing(target.interaction());
        }
    }

    /**
     * The target agent answered the side call: its interaction moves to {@code stage} (established, or conference)
     * and the agent is Busy (already, after a consultation turned into a conference). Nothing for an outside number.
     */
    void answered(Target target, Interaction ix, Interaction.Stage stage) {
        if (!target.isAgent()) {
            return;
        }
        target.interaction().stage(stage);
        if (target.agent().state() != AgentState.BUSY) {
            target.agent().moveTo(AgentState.BUSY, ix.campaign());
        }
        target.agent().desktop().established(target.interaction());
    }

    /**
     * The campaign's rule that a result comes first: once the target is on the call, the result set is final, for
     * the agent's interaction and the target agent's.
     */
    void lockResultIfRequired(Interaction ix, Target target) {
        if (rules(ix).resultRequiredBeforeTransfer()) {
            ix.readOnly(true);
            if (target.isAgent()) {
                target.interaction().readOnly(true);
            }
        }
    }

    /**
     * A transfer (blind, or a consultation's) completed: the result locked if the campaign says so, the agent told
     * who owns the record now (the target agent if the record follows the transfer), and the call's owner told.
     */
    void transferCompleted(Agent agent, Interaction ix, Target target, String requestId, TransferableCalls calls) {
        boolean follows = target.isAgent() && rules(ix).recordFollowsTransfer();
        lockResultIfRequired(ix, target);
        CtiDesktop.send(agent, new CtiEvent.TransferCompleted(requestId, ix.id(), target.name(),
                follows ? target.agent().id() : agent.id()));
        calls.transferred(ix, target.agent(), target.interaction(), follows);
    }

    /** A reserved target agent whose transfer or conference did not happen is free again. */
    void free(Target target, AgentState next, String reason) {
        if (!target.stillHolds()) {
            return;
        }
        Agent agent = target.agent();
        Interaction ix = target.interaction();
        if (ix.stage() == Interaction.Stage.RINGING) {
            ix.stage(Interaction.Stage.DONE);
            agent.desktop().released(ix);
        }
        agent.interaction(null);
        if (agent.state() == AgentState.RESERVED) {
            if (agent.logoutAfterCall()) {
                // Its desktop went away while it was reserved for the call.
                agent.logoutAfterCall(false);
                agent.moveTo(AgentState.LOGGED_OUT, "DesktopDisconnected");
            } else {
                agent.moveTo(next, reason);
            }
        }
        dialing.pace();
    }
}
