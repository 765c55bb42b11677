package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.sip.LegEvent.EndReason;
import io.outdial.sip.LegState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The CTI desk's conference (ConferenceDesk): Conference, LeaveConference by either agent, a target that does not
 * answer; in virtual time on scripted legs, with both desktops' events and the stored record.
 */
class ConferenceDeskTest {
    private TwoAgentCall call;

    @AfterEach
    void close() {
        call.close();
    }

    /** ann conferences Ready bob in; bob's phone answers: all three are joined. */
    private ScriptedLeg joined() {
        call = new TwoAgentCall("");
        call.bobReady();
        call.ann.send(new CtiCommand.LeaveConference("early", call.ix));
        assertEquals("NOT_ALLOWED", call.ann.errorCode("early"), "no conference yet");
        call.ann.send(new CtiCommand.Conference("a2", call.ix, "bob", null));
        assertEquals("bob", call.ann.last(CtiEvent.ConferenceStarted.class).target());
        ScriptedLeg bobPhone = call.gw.leg(2);
        assertTrue(bobPhone.target().startsWith("sip:bob@"), bobPhone.target());
        bobPhone.ring();
        assertEquals(call.ix, call.bob.last(CtiEvent.InteractionRinging.class).interaction().interactionId());
        bobPhone.answer();
        assertEquals("a2", call.ann.last(CtiEvent.ConferenceJoined.class).requestId());
        assertEquals("Busy", call.bob.last(CtiEvent.AgentStateChanged.class).state());
        assertEquals(call.ix, call.bob.last(CtiEvent.InteractionEstablished.class).interaction().interactionId());
        return bobPhone;
    }

    @Test
    void annLeavingHandsTheCallAndTheRecordToBobAsATransferWould() {
        ScriptedLeg bobPhone = joined();
        call.ann.send(new CtiCommand.LeaveConference("a3", call.ix));
        assertEquals("ann", call.bob.last(CtiEvent.ConferencePartyLeft.class).party());
        assertEquals(LegState.ENDED, call.annPhone.state());
        assertEquals(LegState.ANSWERED, call.contact.state());
        assertEquals(LegState.ANSWERED, bobPhone.state());
        assertEquals("Released", call.ann.last(CtiEvent.InteractionReleased.class).interaction().state());
        call.ann.send(new CtiCommand.MarkDone("a4", call.ix));

        call.contact.end(EndReason.REMOTE_HANGUP);
        call.bob.last(CtiEvent.InteractionReleased.class);
        call.bob.send(new CtiCommand.MarkDone("b2", call.ix));
        assertEquals("bob", call.record().agentId(), "the record follows as after a transfer");
        assertEquals(CallResult.ANSWER, call.record().callResult());
        assertEquals(RecordStatus.UPDATED, call.record().status());
    }

    @Test
    void bobLeavingGivesTheContactBackToAnnAndBobWrapsUp() {
        ScriptedLeg bobPhone = joined();
        call.bob.send(new CtiCommand.LeaveConference("b2", call.ix));
        assertEquals("bob", call.ann.last(CtiEvent.ConferencePartyLeft.class).party());
        assertEquals(LegState.ENDED, bobPhone.state());
        assertEquals(LegState.ANSWERED, call.annPhone.state());
        assertEquals("AfterCallWork", call.bob.last(CtiEvent.AgentStateChanged.class).state());

        call.contact.end(EndReason.REMOTE_HANGUP);
        call.ann.send(new CtiCommand.MarkDone("a3", call.ix));
        assertEquals("ann", call.record().agentId());
        assertEquals(RecordStatus.UPDATED, call.record().status());
    }

    @Test
    void aBusyTargetGivesTheContactBackAndLeavesItsAgentNotReady() {
        call = new TwoAgentCall("");
        call.bobReady();
        call.ann.send(new CtiCommand.Conference("a2", call.ix, "bob", null));
        call.gw.leg(2).fail(486);
        assertEquals("CONFERENCE_FAILED", call.ann.errorCode("a2"));
        assertEquals("Established", call.ann.last(CtiEvent.InteractionRetrieved.class).interaction().state());
        assertEquals("NotReady", call.bob.last(CtiEvent.AgentStateChanged.class).state());
        assertEquals(LegState.ANSWERED, call.contact.state());
        call.ann.send(new CtiCommand.LeaveConference("a3", call.ix));
        assertEquals("NOT_ALLOWED", call.ann.errorCode("a3"));
    }
}
