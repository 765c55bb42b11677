package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.desk.CallbackSweep;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactHistoryEntry;
import io.outdial.sip.LegEvent.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The personal callback of an agent who logged out, in virtual time: the callback sweep (every second, here on whole
 * seconds) leaves it to its agent until the callback time plus {@code absentAgentGrace} (4 s here): still the agent's
 * at due + grace - 1 ms, after the sweep of the second before; handed to the campaign (or Missed CallBack) by the
 * sweep at due + grace. The wall-clock "not before the grace is over" of AbsentAgentCallbackIT, pinned here. (The
 * store's due query and {@code AbsentAgentRule} both hold the grace: moving either alone changes nothing seen.)
 */
class AbsentAgentCallbackTest {
    /** The test clock starts at 10:00:00 UTC; the callback is due 30 s later, in the record's zone (UTC). */
    private static final Instant DUE = Instant.parse("2026-03-02T10:00:30Z");
    private static final Duration GRACE = Duration.ofSeconds(4);

    private DialerUnderTest gw;

    @AfterEach
    void close() {
        gw.close();
    }

    private void dialer(String absentAgent) {
        gw = new DialerUnderTest("  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }\n"
                + "  - { id: bob, secret: b0b, phone: \"sip:bob@127.0.0.1:5082\" }",
                "  - { name: pv, dialingMode: preview, agents: [ann, bob], autoLoad: false, autoStart: false,"
                        + " callbacks: { absentAgent: " + absentAgent + ", absentAgentGrace: 4s } }");
        gw.uploadAndStart("pv", "contact_info,tz,daily_from,daily_till\n2005550161,UTC,00:00,24:00\n");
    }

    private CallingRecord record() {
        return gw.store.records("pv").get(0);
    }

    /** ann calls the record, schedules a personal callback at {@link #DUE}, marks done and logs out. */
    private void annSchedulesAPersonalCallbackAndLeaves() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        ann.send(new CtiCommand.GetRecord("g1", "pv"));
        String ix = ann.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
        ann.send(new CtiCommand.Call("c1", ix));
        gw.leg(0).answer();
        gw.leg(1).answer();
        gw.leg(1).end(EndReason.REMOTE_HANGUP);
        ann.send(new CtiCommand.ScheduleCallback("s1", ix, "2026-03-02T10:00:30", true, null, null));
        assertEquals("Personal", ann.last(CtiEvent.CallbackScheduled.class).callbackType());
        ann.send(new CtiCommand.DoneAndStop("d1", ix));
        ann.last(CtiEvent.InteractionDone.class);
        ann.send(new CtiCommand.Logout("bye"));
        ann.last(CtiEvent.LoggedOut.class);
        assertEquals(RecordType.PERSONAL_CALLBACK, record().recordType());
        assertEquals(DUE, record().dialSchedTime());
        // The sweep looks every second from here, at whole seconds of the test clock.
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), gw.clock.now());
        gw.onDialer(() -> gw.dialer.callbackSweep().start());
    }

    /** Moves the test clock to {@code at}. */
    private void advanceTo(Instant at) {
        gw.clock.advance(Duration.between(gw.clock.now(), at));
    }

    @Test
    void aPersonalCallbackOfALoggedOutAgentIsHandedToTheCampaignWhenTheGraceIsOverNotAMillisecondBefore() {
        dialer("campaign");
        annSchedulesAPersonalCallbackAndLeaves();
        DialerUnderTest.Desktop bob = gw.login("bob", "b0b");

        advanceTo(DUE.plusMillis(1));
        bob.send(new CtiCommand.GetRecord("early", "pv"));
        assertEquals("early", bob.last(CtiEvent.NoRecord.class).requestId(), "within the grace it is still ann's");
        advanceTo(DUE.plus(GRACE).minusMillis(1));
        assertEquals(RecordType.PERSONAL_CALLBACK, record().recordType(),
                "the sweep one second before the grace ends keeps it");
        advanceTo(DUE.plus(GRACE));
        assertEquals(RecordType.CAMPAIGN_CALLBACK, record().recordType(), "handed at due + grace exactly");
        assertEquals(Duration.ofSeconds(1), CallbackSweep.EVERY);

        bob.send(new CtiCommand.GetRecord("g2", "pv"));
        CtiEvent.InteractionPreview offered = bob.last(CtiEvent.InteractionPreview.class);
        assertEquals("g2", offered.requestId());
        assertEquals("Callback", offered.interaction().caseInformation().get("Origin"));
        assertEquals("2005550161", offered.interaction().record().get("contact_info"));
    }

    @Test
    void aPersonalCallbackOfALoggedOutAgentBecomesMissedCallBackWhenTheGraceIsOver() {
        dialer("missed");
        annSchedulesAPersonalCallbackAndLeaves();
        advanceTo(DUE.plus(GRACE).minusMillis(1));
        assertEquals(RecordStatus.READY, record().status(), "not before the grace is over");
        assertEquals(RecordType.PERSONAL_CALLBACK, record().recordType());
        advanceTo(DUE.plus(GRACE));
        assertEquals(RecordStatus.MISSED_CALLBACK, record().status());
        List<ContactHistoryEntry> history = gw.store.ledger().history(record().recordId());
        assertEquals(2, history.size());
        assertTrue(history.get(1).note().startsWith("Missed CallBack: agent ann was absent"), history.get(1).note());
        assertEquals(record().callResult(), history.get(1).callResult(), "the last result is noted");

        DialerUnderTest.Desktop bob = gw.login("bob", "b0b");
        bob.send(new CtiCommand.GetRecord("g", "pv"));
        assertEquals("g", bob.last(CtiEvent.NoRecord.class).requestId());
    }

    @Test
    void anAgentWhoIsBackKeepsThePersonalCallbackPastTheGrace() {
        dialer("campaign");
        annSchedulesAPersonalCallbackAndLeaves();
        gw.login("ann", "s3cret");
        advanceTo(DUE.plus(GRACE).plusSeconds(10));
        assertEquals(RecordType.PERSONAL_CALLBACK, record().recordType(), "ann is logged in: it stays hers");
        assertEquals("ann", record().agentId());
    }
}
