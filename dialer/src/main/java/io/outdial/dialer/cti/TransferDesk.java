package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.CampaignCall;
import io.outdial.dialer.call.ProgressiveDialing;
import io.outdial.dialer.call.Transfer;
import io.outdial.dialer.wrapup.RecordWork;
import io.outdial.sip.DialRequest;
import io.outdial.sip.call.CallExecutor;
import java.util.regex.Pattern;

/**
 * The agent's side of a blind transfer ({@link Transfer} is the call's side): checks the command, reserves a target
 * agent with an interaction of its own for the same record, and tells both desktops how it goes. Dialer executor
 * only; the call's reports are handed back here.
 */
final class TransferDesk {
    /** An outside number: digits, optionally a leading + (spaces, dots and dashes are dropped). */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");

    private final CallExecutor dialer;
    private final AgentRoster roster;
    private final ProgressiveDialing dialing;
    private final RecordWork work;

    TransferDesk(CallExecutor dialer, AgentRoster roster, ProgressiveDialing dialing, RecordWork work) {
        this.dialer = dialer;
        this.roster = roster;
        this.dialing = dialing;
        this.work = work;
    }

    /**
     * {@code campaigns[i].resultRequiredBeforeTransfer}: Transfer (and Conference) wait for a call result or a
     * disposition code.
     */
    private void refuseWithoutResult(Interaction ix, String command) {
        if (work.of(ix.campaign()).resultRequiredBeforeTransfer() && ix.callResult() == null
                && ix.disposition().code() == null) {
            throw new CtiException(CtiErrorCodes.CALL_RESULT_REQUIRED, command + " is not allowed yet: set the call"
                    + " result (SetCallResult) or a disposition first; campaign " + ix.campaign()
                    + " requires one before a transfer or conference");
        }
    }

    /** Transfer: refused with an error, or TransferStarted and the target dialed. */
    void transfer(Agent agent, Interaction ix, CtiCommand.Transfer t) {
        if (ix.stage() != Interaction.Stage.ESTABLISHED) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, "Transfer is not allowed: the call is "
                    + ix.toWire().state() + ", it must be connected and not on hold");
        }
        refuseWithoutResult(ix, "Transfer");
        CampaignCall call = dialing.progressiveCallOf(ix.id()).orElseThrow(() -> new CtiException(
                CtiErrorCodes.NOT_SUPPORTED, "Transfer is carried out for progressive campaign calls only"));
        boolean toAgent = t.agentId() != null && !t.agentId().isBlank();
        boolean toPhone = t.phone() != null && !t.phone().isBlank();
        if (toAgent == toPhone) {
            throw new CtiException(CtiErrorCodes.INVALID, "Transfer needs exactly one of agentId and phone");
        }
        Agent target = toAgent ? targetAgent(agent, t.agentId()) : null;
        String number = toPhone ? outsideNumber(t.phone()) : null;
        String targetName = toAgent ? target.id() : number;
        Interaction targetIx = null;
        DialRequest request;
        if (target != null) {
            targetIx = new Interaction(ix.id(), ix.campaign(), ix.record());
            targetIx.recordFields(ix.recordFields());
            targetIx.callResult(ix.callResult());
            targetIx.disposition(ix.disposition());
            targetIx.transferredFrom(agent.id());
            target.interaction(targetIx);
            target.moveTo(AgentState.RESERVED, ix.campaign());
            request = dialing.agentPhoneRequest(target, targetIx);
        } else {
            request = dialing.outsideNumberRequest(number);
        }
        ix.stage(Interaction.Stage.TRANSFERRING);
        Interaction reserved = targetIx;
        call.transfer(request, new Reports(agent, ix, target, reserved, targetName, t.requestId()))
                .whenCompleteAsync((started, error) -> {
                    if (Boolean.TRUE.equals(started)) {
                        agent.send(new CtiEvent.TransferStarted(t.requestId(), ix.id(), targetName));
                        return;
                    }
                    if (ix.stage() == Interaction.Stage.TRANSFERRING) {
                        ix.stage(Interaction.Stage.ESTABLISHED);
                    }
                    freeTarget(target, reserved, AgentState.READY, null);
                    agent.send(new CtiEvent.Error(t.requestId(), CtiErrorCodes.NOT_ALLOWED,
                            "Transfer is not allowed: the call has ended or changed"));
                }, dialer);
    }

    private Agent targetAgent(Agent agent, String agentId) {
        Agent target = roster.find(agentId).orElseThrow(() -> new CtiException(CtiErrorCodes.NOT_ALLOWED,
                "Transfer is not allowed: there is no agent '" + agentId + "'"));
        if (target == agent) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, "Transfer is not allowed: the call is already yours");
        }
        if (target.state() != AgentState.READY || target.interaction() != null || target.phone() == null) {
            throw new CtiException(CtiErrorCodes.NOT_ALLOWED, "Transfer is not allowed: agent " + target.id()
                    + " is " + target.state().wireName() + ", the target must be logged in and Ready");
        }
        return target;
    }

    private static String outsideNumber(String phone) {
        String number = phone.replaceAll("[\\s.()-]", "");
        if (!NUMBER.matcher(number).matches()) {
            throw new CtiException(CtiErrorCodes.INVALID, "Transfer phone '" + phone
                    + "' is not a phone number (digits, optionally a leading +)");
        }
        return number;
    }

    /** A reserved target agent whose transfer did not happen is free again. */
    private void freeTarget(Agent target, Interaction targetIx, AgentState next, String reason) {
        if (target == null || target.interaction() != targetIx) {
            return;
        }
        if (targetIx.stage() == Interaction.Stage.RINGING) {
            targetIx.stage(Interaction.Stage.DONE);
            target.send(new CtiEvent.InteractionReleased(targetIx.toWire()));
        }
        target.interaction(null);
        if (target.state() == AgentState.RESERVED) {
            target.moveTo(next, reason);
        }
        dialing.pace();
    }

    /** The call's reports, handed to the dialer executor. */
    private final class Reports implements Transfer.Listener {
        private final Agent agent;
        private final Interaction ix;
        private final Agent target;
        private final Interaction targetIx;
        private final String targetName;
        private final String requestId;

        Reports(Agent agent, Interaction ix, Agent target, Interaction targetIx, String targetName,
                String requestId) {
            this.agent = agent;
            this.ix = ix;
            this.target = target;
            this.targetIx = targetIx;
            this.targetName = targetName;
            this.requestId = requestId;
        }

        @Override
        public void targetRinging(Transfer transfer) {
            dialer.execute(() -> {
                if (target != null && target.interaction() == targetIx) {
                    targetIx.stage(Interaction.Stage.RINGING);
                    target.send(new CtiEvent.InteractionRinging(targetIx.toWire()));
                }
            });
        }

        @Override
        public void completed(Transfer transfer) {
            dialer.execute(() -> {
                if (target != null) {
                    targetIx.stage(Interaction.Stage.ESTABLISHED);
                    target.moveTo(AgentState.BUSY, ix.campaign());
                    target.send(new CtiEvent.InteractionEstablished(targetIx.toWire()));
                }
                RecordWork.Rules rules = work.of(ix.campaign());
                boolean follows = target != null && rules.recordFollowsTransfer();
                if (rules.resultRequiredBeforeTransfer()) {
                    ix.readOnly(true);
                    if (targetIx != null) {
                        targetIx.readOnly(true);
                    }
                }
                agent.send(new CtiEvent.TransferCompleted(requestId, ix.id(), targetName,
                        follows ? target.id() : agent.id()));
                dialing.transferred(ix.id(), target, targetIx, follows);
            });
        }

        @Override
        public void failed(Transfer transfer, String result) {
            dialer.execute(() -> {
                // The target's phone did not take the call: as for any unanswered agent phone, Not Ready.
                freeTarget(target, targetIx, AgentState.NOT_READY, "PhoneDidNotAnswer");
                if (ix.stage() == Interaction.Stage.TRANSFERRING) {
                    ix.stage(Interaction.Stage.ESTABLISHED);
                }
                agent.send(new CtiEvent.Error(requestId, CtiErrorCodes.TRANSFER_FAILED, "Transfer to "
                        + targetName + " failed: " + result + "; the contact is back with you"));
                agent.send(new CtiEvent.InteractionRetrieved(requestId, ix.toWire()));
            });
        }

        @Override
        public void aborted(Transfer transfer) {
            dialer.execute(() -> freeTarget(target, targetIx, AgentState.READY, "TransferAborted"));
        }
    }
}
