package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.record.RecordStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PushPreviewDesk and InteractionPreviews in virtual time: a pushed record, its accept timeout, Reject and Accept. */
class PushPreviewTest {

    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            "  - { name: pp, dialingMode: push_preview, agents: [ann], autoLoad: false, autoStart: false,"
                    + " preview: { acceptTimeout: 12s, autoReject: true } }");

    @AfterEach
    void close() {
        gw.close();
    }

    private DialerUnderTest.Desktop readyForPreviews() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pp", "contact_info\n3005550101\n");
        ann.send(new CtiCommand.Ready("r"));
        ann.send(new CtiCommand.OutboundPreviewReady("op"));
        gw.clock.advance(Duration.ofSeconds(1));
        return ann;
    }

    @Test
    void anUnansweredPreviewIsRejectedAtTheAcceptTimeoutAndTheRecordGoesBack() {
        DialerUnderTest.Desktop ann = readyForPreviews();
        CtiEvent.InteractionPreview pushed = ann.last(CtiEvent.InteractionPreview.class);
        assertEquals(12, pushed.acceptTimeout());
        assertEquals(RecordStatus.RETRIEVED, gw.store.records("pp").get(0).status());
        gw.clock.advance(Duration.ofSeconds(12));
        assertEquals("AutoRejected", ann.last(CtiEvent.InteractionRejected.class).reason());
        assertEquals(Duration.ofSeconds(12), Duration.between(ann.lastAt(CtiEvent.InteractionPreview.class),
                ann.lastAt(CtiEvent.InteractionRejected.class)), "rejected exactly at the accept timeout");
        assertEquals(RecordStatus.READY, gw.store.records("pp").get(0).status(), "the record goes back to the list");
        assertEquals(0, gw.ua.legs.size(), "nothing dialed");
    }

    @Test
    void anAcceptedPreviewIsDialed() {
        DialerUnderTest.Desktop ann = readyForPreviews();
        String ix = ann.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
        ann.send(new CtiCommand.Accept("a", ix));
        assertEquals(1, gw.ua.legs.size(), "the agent's phone is called first");
        assertTrue(gw.leg(0).target().startsWith("sip:ann@"), gw.leg(0).target());
        gw.leg(0).answer();
        assertEquals(2, gw.ua.legs.size(), "then the accepted record's contact");
        assertTrue(gw.leg(1).target().contains("3005550101"), gw.leg(1).target());
    }
}
