package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.LegEvent.EndReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * NumberChanges (ChangeNumber and Recall of a preview record) through PreviewDesk and the CTI desk, in virtual time
 * over an in-memory store and scripted legs: which number is dialed, what the records hold, what the desktop is told.
 */
class NumberChangesTest {
    private static final String ANN = "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }";
    /** A chain of three records (the first is pulled first), another contact's record, and a chain record whose
     * calling window is closed at the test clock's 10:00 UTC. */
    private static final String CHAIN = "contact_info,chain_id,chain_n,tz,daily_from,daily_till\n"
            + "5005550200,k,0,UTC,00:00,24:00\n5005550201,k,1,UTC,00:00,24:00\n"
            + "5005550203,m,0,UTC,00:00,24:00\n5005550204,k,2,UTC,12:00,13:00\n";

    private DialerUnderTest gw;
    private DialerUnderTest.Desktop ann;

    private DialerUnderTest dialer(String previewSettings) {
        gw = new DialerUnderTest(ANN, "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false,"
                + " autoStart: false" + previewSettings + " }");
        return gw;
    }

    /** ann logs in, {@code csv} is uploaded and started, and ann pulls its first record: the interaction's id. */
    private String previewed(String csv) {
        ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pv", csv);
        ann.send(new CtiCommand.GetRecord("g", "pv"));
        return ixOf(ann.last(CtiEvent.InteractionPreview.class));
    }

    @AfterEach
    void close() {
        if (gw != null) {
            gw.close();
        }
    }

    private CallingRecord byPhone(String phone) {
        return gw.record("pv", phone);
    }

    private CallingRecord byId(long id) {
        return gw.store.records("pv").stream().filter(r -> r.recordId() == id).findFirst().orElseThrow();
    }

    private static String ixOf(CtiEvent.InteractionPreview preview) {
        return preview.interaction().interactionId();
    }

    private static Object phoneOf(CtiEvent.Interaction ix) {
        return ix.record().get("contact_info");
    }

    /** Call on a preview: the agent's phone, then the contact; both answer and the contact hangs up. */
    private void callAnsweredAndHungUp(String ix) {
        int first = gw.ua.legs.size();
        ann.send(new CtiCommand.Call("c" + first, ix));
        gw.leg(first).answer();
        gw.leg(first + 1).answer();
        gw.leg(first + 1).end(EndReason.REMOTE_HANGUP);
        assertEquals("ANSWER", ann.last(CtiEvent.InteractionReleased.class).interaction().callResult());
    }

    @Test
    void anOtherPhoneNumberBeforeCallIsStoredShownAndDialedInsteadOfTheFirst() {
        dialer("");
        String ix = previewed("contact_info\n5005550101\n");
        long id = gw.store.records("pv").get(0).recordId();

        ann.send(new CtiCommand.ChangeNumber("n", ix, null, "(500) 555-0199", "Mobile"));
        CtiEvent.InteractionPreview again = ann.last(CtiEvent.InteractionPreview.class);
        assertEquals("n", again.requestId());
        assertEquals(ix, ixOf(again), "the same interaction");
        assertEquals("5005550199", phoneOf(again.interaction()), "normalised");
        assertEquals("5005550199", byId(id).contactInfo(), "stored on the record");
        assertEquals("Mobile", byId(id).contactInfoType());
        assertEquals(RecordStatus.RETRIEVED, byId(id).status(), "still in the agent's hands");

        ann.send(new CtiCommand.Call("c", ix));
        gw.leg(0).answer();
        assertTrue(gw.leg(1).target().contains("5005550199"), gw.leg(1).target());
        assertEquals(2, gw.ua.legs.size(), "the first number is never dialed");
    }

    @Test
    void changeNumberRestartsTheTimedAutoDialFromTheTopToTheMillisecond() {
        dialer(", preview: { autoDial: timed, autoDialAfter: 2s }");
        String ix = previewed("contact_info\n5005550102\n");

        gw.clock.advance(Duration.ofMillis(1_500));
        ann.send(new CtiCommand.ChangeNumber("n", ix, null, "5005550198", null));
        assertEquals(2, ann.last(CtiEvent.InteractionPreview.class).autoDialIn(), "the full countdown is shown");
        gw.clock.advance(Duration.ofMillis(1_999));
        assertEquals(0, gw.ua.legs.size(), "not at 2 s from GetRecord, nor 1,999 ms after ChangeNumber");
        gw.clock.advance(Duration.ofMillis(1));
        assertEquals(1, gw.ua.legs.size(), "2,000 ms after ChangeNumber the countdown dials");
        gw.leg(0).answer();
        assertTrue(gw.leg(1).target().contains("5005550198"), gw.leg(1).target());
    }

    @Test
    void anotherRecordOfTheChainIsRefusedWithItsOwnCodeUntilOneIsReadyThenThePreviousGoesBack() {
        dialer("");
        gw.store.doNotCall().add("5005550201", null);
        String ix = previewed(CHAIN + "5005550205,k,3,UTC,00:00,24:00\n");
        CtiEvent.InteractionPreview shown = ann.last(CtiEvent.InteractionPreview.class);
        assertEquals("5005550200", phoneOf(shown.interaction()));

        ann.send(new CtiCommand.ChangeNumber("chain", ix, byPhone("5005550203").recordId(), null, null));
        assertEquals("NOT_IN_CHAIN", ann.errorCode("chain"));
        ann.send(new CtiCommand.ChangeNumber("window", ix, byPhone("5005550204").recordId(), null, null));
        assertEquals("OUTSIDE_CALLING_WINDOW", ann.errorCode("window"));
        ann.send(new CtiCommand.ChangeNumber("dnc", ix, byPhone("5005550201").recordId(), null, null));
        assertEquals("ON_DO_NOT_CALL_LIST", ann.errorCode("dnc"));
        ann.send(new CtiCommand.ChangeNumber("both", ix, byPhone("5005550205").recordId(), "5005550999", null));
        assertEquals("INVALID", ann.errorCode("both"));
        assertEquals(RecordStatus.RETRIEVED, byPhone("5005550200").status(), "no refusal moved a record");
        assertEquals(RecordStatus.READY, byPhone("5005550205").status());

        ann.send(new CtiCommand.ChangeNumber("ok", ix, byPhone("5005550205").recordId(), null, null));
        CtiEvent.InteractionUpdated updated = ann.last(CtiEvent.InteractionUpdated.class);
        assertEquals("ok", updated.requestId());
        assertEquals(ix, updated.interaction().interactionId());
        assertEquals("5005550205", phoneOf(updated.interaction()));
        assertEquals(RecordStatus.READY, byPhone("5005550200").status(), "the previous record is back in the list");
        assertEquals(RecordStatus.RETRIEVED, byPhone("5005550205").status());

        ann.send(new CtiCommand.Call("c", ix));
        gw.leg(0).answer();
        assertTrue(gw.leg(1).target().contains("5005550205"), gw.leg(1).target());
    }

    @Test
    void recallDialsTheSameRecordAgainAtOnceAndCountsASecondAttempt() {
        dialer("");
        String ix = previewed("contact_info\n5005550103\n");
        long id = gw.store.records("pv").get(0).recordId();

        ann.send(new CtiCommand.Recall("early", ix));
        assertTrue(ann.last(CtiEvent.Error.class).message().contains("use Call"), "not called yet");
        assertEquals(0, gw.ua.legs.size());

        callAnsweredAndHungUp(ix);
        assertEquals(1, byId(id).attempt());
        assertEquals(CallResult.ANSWER, byId(id).callResult());

        ann.send(new CtiCommand.Recall("r", ix));
        assertEquals(3, gw.ua.legs.size(), "Recall dials the agent's phone at once");
        assertEquals(RecordStatus.RETRIEVED, byId(id).status(), "the record is in the agent's hands again");
        gw.leg(2).answer();
        assertTrue(gw.leg(3).target().contains("5005550103"), "the same number: " + gw.leg(3).target());
        gw.leg(3).answer();
        gw.leg(3).end(EndReason.REMOTE_HANGUP);
        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals(ix, ann.last(CtiEvent.InteractionDone.class).interactionId());
        assertEquals(2, byId(id).attempt(), "the recall is a second attempt on the same record");
        assertEquals(RecordStatus.UPDATED, byId(id).status());
        assertEquals(1, gw.store.records("pv").size(), "no new record");
    }

    @Test
    void changeNumberAfterTheCallPreviewsAgainReservedAndCallDialsTheNewNumber() {
        dialer("");
        gw.store.doNotCall().add("5005550997", null);
        String ix = previewed("contact_info\n5005550104\n");
        long id = gw.store.records("pv").get(0).recordId();
        callAnsweredAndHungUp(ix);

        ann.send(new CtiCommand.ChangeNumber("dnc", ix, null, "5005550997", "Mobile"));
        assertEquals("ON_DO_NOT_CALL_LIST", ann.errorCode("dnc"));
        assertEquals(RecordStatus.UPDATED, byId(id).status(), "a refusal changes nothing");
        assertEquals("5005550104", byId(id).contactInfo());

        int previews = ann.types().lastIndexOf("InteractionPreview");
        ann.send(new CtiCommand.ChangeNumber("other", ix, null, "5005550996", "Mobile"));
        CtiEvent.InteractionPreview again = ann.last(CtiEvent.InteractionPreview.class);
        assertTrue(ann.types().lastIndexOf("InteractionPreview") > previews, "a new preview: " + ann.types());
        assertEquals("other", again.requestId());
        assertEquals("5005550996", phoneOf(again.interaction()));
        assertEquals("Preview", again.interaction().state());
        assertEquals("Reserved", ann.last(CtiEvent.AgentStateChanged.class).state());
        assertEquals(RecordStatus.RETRIEVED, byId(id).status());
        assertEquals(2, gw.ua.legs.size(), "ChangeNumber after a call waits for Call");

        callAnsweredAndHungUp(ix);
        assertTrue(gw.leg(3).target().contains("5005550996"), gw.leg(3).target());
        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals(2, byId(id).attempt());
        assertEquals("5005550996", byId(id).contactInfo());
    }

    @Test
    void changeNumberAfterTheCallToAnotherRecordOfTheChainTreatsTheOneCalled() {
        dialer("");
        String ix = previewed(CHAIN);
        long first = byPhone("5005550200").recordId();
        long second = byPhone("5005550201").recordId();
        callAnsweredAndHungUp(ix);

        ann.send(new CtiCommand.ChangeNumber("chain", ix, second, null, null));
        CtiEvent.InteractionPreview chained = ann.last(CtiEvent.InteractionPreview.class);
        assertEquals("chain", chained.requestId());
        assertEquals("5005550201", phoneOf(chained.interaction()));
        assertEquals(RecordStatus.UPDATED, byId(first).status(), "the record called is treated as at Mark Done");
        assertEquals(CallResult.ANSWER, byId(first).callResult());
        assertEquals(RecordStatus.RETRIEVED, byId(second).status());

        callAnsweredAndHungUp(ix);
        assertTrue(gw.leg(3).target().contains("5005550201"), gw.leg(3).target());
        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals(List.of(1, 1), List.of(byId(first).attempt(), byId(second).attempt()), "one attempt each");
        assertEquals(CallResult.ANSWER, byId(second).callResult());
    }

    @Test
    void neitherChangeNumberNorRecallIsTakenWhileTheCallIsInProgress() {
        dialer("");
        String ix = previewed("contact_info\n5005550105\n");
        long id = gw.store.records("pv").get(0).recordId();
        ann.send(new CtiCommand.Call("c", ix));
        gw.leg(0).answer();
        gw.leg(1).answer();

        ann.send(new CtiCommand.ChangeNumber("n", ix, null, "5005550195", null));
        CtiEvent.Error refused = ann.last(CtiEvent.Error.class);
        assertEquals("n", refused.requestId());
        assertTrue(refused.message().contains("in progress"), refused.message());
        ann.send(new CtiCommand.Recall("r", ix));
        assertTrue(ann.last(CtiEvent.Error.class).message().contains("still in progress"),
                ann.last(CtiEvent.Error.class).message());
        assertEquals("5005550105", byId(id).contactInfo());
        assertEquals(2, gw.ua.legs.size());
    }
}
