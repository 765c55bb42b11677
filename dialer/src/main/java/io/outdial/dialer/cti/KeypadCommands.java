package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.TransferableCall;
import io.outdial.media.dtmf.DtmfDigits;
import io.outdial.media.dtmf.DtmfSender;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The desktop's keypad: SendDtmf checks the digits and their duration, finds the agent's connected call and hands
 * the digits to its contact leg (RFC 4733 or SIP INFO, as the contact negotiated); DtmfSent or an error follows on
 * the dialer executor.
 */
final class KeypadCommands {

    /** A tone's length when SendDtmf names none. */
    static final int DEFAULT_DURATION_MS = 160;

    private final CallExecutor dialer;
    private final TransferableCalls calls;

    KeypadCommands(CallExecutor dialer, TransferableCalls calls) {
        this.dialer = dialer;
        this.calls = calls;
    }

    void sendDtmf(Agent agent, CtiCommand.SendDtmf command) {
        Interaction ix = CtiDesk.ownInteraction(agent, command.interactionId());
        String digits = checkedDigits(command.digits());
        int durationMs = command.durationMs() == null ? DEFAULT_DURATION_MS : command.durationMs();
        if (durationMs < DtmfSender.MIN_DURATION_MS || durationMs > DtmfSender.MAX_DURATION_MS) {
            throw new CtiException(CtiErrorCodes.INVALID_DTMF, "SendDtmf: durationMs must be "
                    + DtmfSender.MIN_DURATION_MS + " to " + DtmfSender.MAX_DURATION_MS + ", got " + durationMs);
        }
        TransferableCall call = calls.connected(ix, "SendDtmf");
        call.sendDtmf(digits, Duration.ofMillis(durationMs)).whenCompleteAsync(
                Continuations.logged("KeypadCommands.sendDtmf", (ok, error) -> {
                    if (error == null) {
                        CtiDesktop.send(agent, new CtiEvent.DtmfSent(command.requestId(), ix.id(), digits));
                    } else {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        CtiDesktop.send(agent, new CtiEvent.Error(command.requestId(), CtiErrorCodes.DTMF_FAILED,
                                "SendDtmf failed: " + cause.getMessage()));
                    }
                }), dialer);
    }

    private static String checkedDigits(String digits) {
        if (digits.length() > DtmfSender.MAX_QUEUED_DIGITS) {
            throw new CtiException(CtiErrorCodes.INVALID_DTMF, "SendDtmf: at most " + DtmfSender.MAX_QUEUED_DIGITS
                    + " digits at once, got " + digits.length());
        }
        try {
            return DtmfDigits.checked(digits);
        } catch (IllegalArgumentException e) {
            throw new CtiException(CtiErrorCodes.INVALID_DTMF, "SendDtmf: " + e.getMessage());
        }
    }
}
