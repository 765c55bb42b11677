package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegEvent.FailureKind;
import io.outdial.sip.LegState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CTI desk's blind transfer (TransferDesk over CallTargets and TransferableCalls) in virtual time: who is told
 * what, which legs are dialed and dropped, and who owns the record in the in-memory store afterwards.
 */
class TransferDeskTest {
    private TwoAgentCall call;

    @AfterEach
    void close() {
        call.close();
    }

    @Test
    void aTransferToAReadyAgentHandsOverTheContactAndTheRecord() {
        call = new TwoAgentCall("");
        call.bobReady();
        call.ann.send(new CtiCommand.Transfer("a2", call.ix, "bob", null));
        assertEquals("bob", call.ann.last(CtiEvent.TransferStarted.class).target());
        ScriptedLeg bobPhone = call.gw.leg(2);
        assertTrue(bobPhone.target().startsWith("sip:bob@127.0.0.1:5082"), bobPhone.target());
        assertEquals(Duration.ofSeconds(15), call.gw.ua.requests.get(2).ringTimeout(),
                "the target rings for dialing.agentRingTimeout");

        bobPhone.ring();
        CtiEvent.Interaction ringing = call.bob.last(CtiEvent.InteractionRinging.class).interaction();
        assertEquals(call.ix, ringing.interactionId(), "the same interaction");
        assertEquals("2005550401", ringing.record().get("contact_info"));
        assertEquals("Transferred from agent ann", ringing.caseInformation().get("Origin"));

        bobPhone.answer();
        assertEquals("Established", call.bob.last(CtiEvent.InteractionEstablished.class).interaction().state());
        assertEquals("Busy", call.bob.last(CtiEvent.AgentStateChanged.class).state());
        CtiEvent.TransferCompleted completed = call.ann.last(CtiEvent.TransferCompleted.class);
        assertEquals("bob", completed.recordOwner());
        assertEquals("Released", call.ann.last(CtiEvent.InteractionReleased.class).interaction().state());
        assertEquals(LegState.ENDED, call.annPhone.state(), "ann's phone is hung up");
        assertEquals(LegState.ANSWERED, call.contact.state(), "the contact stays, with bob");
        call.ann.send(new CtiCommand.MarkDone("a3", call.ix));
        call.ann.last(CtiEvent.InteractionDone.class);
        assertEquals(RecordStatus.RETRIEVED, call.record().status(), "ann's Mark Done leaves bob's record alone");

        call.contact.end(EndReason.REMOTE_HANGUP);
        assertEquals(call.ix, call.bob.last(CtiEvent.InteractionReleased.class).interaction().interactionId());
        call.bob.send(new CtiCommand.MarkDone("b3", call.ix));
        call.bob.last(CtiEvent.InteractionDone.class);
        assertEquals(CallResult.ANSWER, call.record().callResult());
        assertEquals("bob", call.record().agentId(), "the record follows the transfer");
        assertEquals(RecordStatus.UPDATED, call.record().status());
    }

    @Test
    void aTargetThatIsNotReadyOrMissingIsRefusedAndABusyOneGivesTheContactBack() {
        call = new TwoAgentCall("");
        CtiCommand transfer = new CtiCommand.Transfer("a2", call.ix, "bob", null);
        call.ann.send(transfer);
        assertEquals("NOT_ALLOWED", call.ann.errorCode("a2"));
        assertTrue(call.ann.last(CtiEvent.Error.class).message().contains("bob"), "bob is not Ready yet");
        call.ann.send(new CtiCommand.Transfer("a3", call.ix, null, null));
        assertEquals("INVALID", call.ann.errorCode("a3"), "no target");
        assertEquals(2, call.gw.ua.legs.size(), "nobody dialed");

        call.bobReady();
        call.ann.send(transfer);
        call.ann.last(CtiEvent.TransferStarted.class);
        assertTrue(call.gw.ua.bridged.get(0).held(), "the contact waits on hold");
        call.gw.leg(2).fail(486);
        assertEquals("TRANSFER_FAILED", call.ann.errorCode("a2"));
        assertTrue(call.ann.last(CtiEvent.Error.class).message().contains("486"));
        assertEquals("Established", call.ann.last(CtiEvent.InteractionRetrieved.class).interaction().state());
        assertFalse(call.gw.ua.bridged.get(call.gw.ua.bridged.size() - 1).held(), "ann and the contact talk again");
        assertEquals("NotReady", call.bob.last(CtiEvent.AgentStateChanged.class).state(),
                "a target phone that did not answer leaves its agent Not Ready");

        call.ann.send(new CtiCommand.ReleaseCall("a4", call.ix));
        call.ann.last(CtiEvent.InteractionReleased.class);
        call.ann.send(new CtiCommand.MarkDone("a5", call.ix));
        assertEquals("ann", call.record().agentId());
        assertEquals(RecordStatus.UPDATED, call.record().status());
    }

    @Test
    void aTargetPhoneThatRingsOutIsAFailedTransferNotAnAbandonedContact() {
        call = new TwoAgentCall("");
        call.bobReady();
        call.ann.send(new CtiCommand.Transfer("a2", call.ix, "bob", null));
        call.gw.leg(2).ring();
        call.gw.leg(2).failWith(487, FailureKind.RING_TIMEOUT);
        assertEquals("TRANSFER_FAILED", call.ann.errorCode("a2"));
        assertEquals(LegState.ANSWERED, call.contact.state(), "the contact is kept");
        assertEquals(LegState.ANSWERED, call.annPhone.state());
        assertEquals("Established", call.ann.last(CtiEvent.InteractionRetrieved.class).interaction().state());
    }

    @Test
    void aRequiredCallResultComesFirstAndTravelsReadOnlyWithTheTransfer() {
        call = new TwoAgentCall(", resultRequiredBeforeTransfer: true, recordFields: [{ name: Plan, editable: true }]");
        call.bobReady();
        CtiCommand transfer = new CtiCommand.Transfer("a2", call.ix, "bob", null);
        call.ann.send(transfer);
        assertEquals("CALL_RESULT_REQUIRED", call.ann.errorCode("a2"));
        assertEquals(2, call.gw.ua.legs.size(), "nothing dialed");

        call.ann.send(new CtiCommand.UpdateRecordFields("a3", call.ix, Map.of("Plan", "Gold")));
        call.ann.last(CtiEvent.RecordFieldsUpdated.class);
        call.ann.send(new CtiCommand.SetCallResult("a4", call.ix, "ANSWER"));
        call.ann.send(transfer);
        call.gw.leg(2).answer();
        call.ann.last(CtiEvent.TransferCompleted.class);
        assertEquals("ANSWER", call.bob.last(CtiEvent.InteractionEstablished.class).interaction().callResult(),
                "the result travels with the call");

        call.ann.send(new CtiCommand.SetCallResult("a5", call.ix, "WRONG_PARTY"));
        assertEquals("READ_ONLY", call.ann.errorCode("a5"));
        assertEquals("callResult", call.ann.last(CtiEvent.Error.class).field());
        call.bob.send(new CtiCommand.UpdateRecordFields("b2", call.ix, Map.of("Plan", "Bronze")));
        assertEquals("READ_ONLY", call.bob.errorCode("b2"));
        assertEquals("Plan", call.bob.last(CtiEvent.Error.class).field());

        call.ann.send(new CtiCommand.MarkDone("a6", call.ix));
        call.contact.end(EndReason.REMOTE_HANGUP);
        call.bob.send(new CtiCommand.MarkDone("b3", call.ix));
        assertEquals("ANSWER", call.bob.last(CtiEvent.InteractionDone.class).callResult());
        assertEquals(CallResult.ANSWER, call.record().callResult());
        assertEquals("Gold", call.record().customFields().get("Plan"));
    }
}
