package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.Dialing;
import io.outdial.dialer.call.Transfer;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;

/**
 * The agent's side of a blind transfer ({@link Transfer} is the call's side): checks the command, reserves the
 * target ({@link CallTargets}), and tells both desktops how it goes. Dialer executor only; the call's reports are
 * handed back here.
 */
final class TransferDesk {
    private final CallExecutor dialer;
    private final Dialing dialing;
    private final CallTargets targets;
    private final TransferableCalls calls;

    TransferDesk(CallExecutor dialer, Dialing dialing, CallTargets targets,
                 TransferableCalls calls) {
        this.dialer = dialer;
        this.dialing = dialing;
        this.targets = targets;
        this.calls = calls;
    }

    /** Transfer: refused with an error, or TransferStarted and the target dialed. */
    void transfer(Agent agent, Interaction ix, CtiCommand.Transfer t) {
        TransferableCall call = calls.connected(ix, "Transfer");
        targets.refuseWithoutResult(ix, "Transfer");
        CallTargets.Target target = targets.reserve(agent, ix, t.agentId(), t.phone(), "Transfer",
                "Transferred from agent " + agent.id());
        ix.stage(Interaction.Stage.TRANSFERRING);
        call.transfer(target.request(), new Reports(agent, ix, target, t.requestId()))
                .whenCompleteAsync(Continuations.logged("TransferDesk.transfer", (started, error) -> {
                    if (Boolean.TRUE.equals(started)) {
                        CtiDesktop.send(agent, new CtiEvent.TransferStarted(t.requestId(), ix.id(), target.name()));
                        return;
                    }
                    targets.notStarted(agent, ix, Interaction.Stage.TRANSFERRING, target, t.requestId(), "Transfer");
                }), dialer);
    }

    /** The call's reports, handed to the dialer executor. */
    private final class Reports implements Transfer.Listener {
        private final Agent agent;
        private final Interaction ix;
        private final CallTargets.Target target;
        private final String requestId;

        Reports(Agent agent, Interaction ix, CallTargets.Target target, String requestId) {
            this.agent = agent;
            this.ix = ix;
            this.target = target;
            this.requestId = requestId;
        }

        @Override
        public void targetRinging(Transfer transfer) {
            dialer.execute(() -> targets.ringing(target));
        }

        @Override
        public void completed(Transfer transfer) {
            dialer.execute(() -> {
                targets.answered(target, ix, Interaction.Stage.ESTABLISHED);
                targets.transferCompleted(agent, ix, target, requestId, calls);
            });
        }

        @Override
        public void failed(Transfer transfer, String result) {
            dialer.execute(() -> {
                // The target's phone did not take the call: as for any unanswered agent phone, Not Ready.
                targets.free(target, AgentState.NOT_READY, "PhoneDidNotAnswer");
                if (transfer.agentGone()) {
                    // The agent had hung up: the contact is released and the call's end follows (Released).
                    CtiDesktop.send(agent, new CtiEvent.Error(requestId, CtiErrorCodes.TRANSFER_FAILED, "Transfer to "
                            + target.name() + " failed: " + result + "; you had hung up, the contact is released"));
                    return;
                }
                if (ix.stage() == Interaction.Stage.TRANSFERRING) {
                    ix.stage(Interaction.Stage.ESTABLISHED);
                }
                CtiDesktop.send(agent, new CtiEvent.Error(requestId, CtiErrorCodes.TRANSFER_FAILED, "Transfer to "
                        + target.name() + " failed: " + result + "; the contact is back with you"));
                agent.desktop().retrieved(requestId, ix);
            });
        }

        @Override
        public void aborted(Transfer transfer) {
            dialer.execute(() -> targets.free(target, AgentState.READY, "TransferAborted"));
        }
    }
}
