package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.store.StoredRecording;
import io.outdial.sip.LegEvent.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call's recording as the dialer runs it (CallRecordings, CallRecording), in virtual time on scripted legs and a
 * recorder that notes what it is asked: when it starts, what Pause, Resume and Hold ask of it, and the row's paused
 * time, to the millisecond. The wall-clock "pausedMs within 500 ms of the pause" of RecordingIT and "the file spans
 * the bridged call, not the engagement" of RecordingEngagedIT, pinned here.
 */
class CallRecordingTest {
    private static final String ANN = "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }";
    private static final String RECORD_ALL = "recording:\n  directory: recs\n  mode: all";

    private final RecorderMedia media = new RecorderMedia();
    private DialerUnderTest gw;

    @AfterEach
    void close() {
        gw.close();
    }

    private DialerUnderTest.Desktop dialer(String mode) {
        gw = new DialerUnderTest(ANN, "  - { name: it, dialingMode: " + mode + ", agents: [ann], autoLoad: false,"
                + " autoStart: false }", RECORD_ALL, media);
        media.clock(gw.clock);
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("it", "contact_info\n2005550701\n");
        return ann;
    }

    /** A progressive call: ann Ready, the contact and then ann's phone answer; recording starts at the bridge. */
    private DialerUnderTest.Desktop connected() {
        DialerUnderTest.Desktop ann = dialer("progressive");
        ann.send(new CtiCommand.Ready("r"));
        gw.leg(0).answer();
        gw.leg(1).answer();
        CtiEvent.RecordingStarted started = ann.last(CtiEvent.RecordingStarted.class);
        assertTrue(started.agentControl().contains("pause"), started.agentControl().toString());
        assertEquals(1, media.takes.size());
        return ann;
    }

    private static String ix(DialerUnderTest.Desktop desk) {
        return desk.last(CtiEvent.InteractionEstablished.class).interaction().interactionId();
    }

    private StoredRecording row() {
        List<StoredRecording> rows = gw.store.recordings().ofRecord(gw.store.records("it").get(0).recordId());
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private void advance(long millis) {
        gw.clock.advance(Duration.ofMillis(millis));
    }

    @Test
    void theRowsPausedTimeIsTheTimeFromEachPauseToItsResumeToTheMillisecond() {
        DialerUnderTest.Desktop ann = connected();
        String ix = ix(ann);
        Instant start = gw.clock.now();
        advance(2_000);
        ann.send(new CtiCommand.PauseRecording("p1", ix));
        assertEquals("p1", ann.last(CtiEvent.RecordingPaused.class).requestId());
        advance(1_500);
        ann.send(new CtiCommand.ResumeRecording("r1", ix));
        assertEquals("r1", ann.last(CtiEvent.RecordingResumed.class).requestId());
        advance(1_000);
        ann.send(new CtiCommand.PauseRecording("p2", ix));
        advance(701);
        ann.send(new CtiCommand.ResumeRecording("r2", ix));
        advance(299);
        RecorderMedia.Take take = media.takes.get(0);
        assertEquals(List.of("pause", "resume", "pause", "resume"), take.asked, "what the call asked of it");
        assertEquals(List.of(start.plusMillis(2_000), start.plusMillis(3_500), start.plusMillis(4_500),
                start.plusMillis(5_201)), take.askedAt);
        gw.leg(0).end(EndReason.REMOTE_HANGUP);

        assertEquals(start.plusMillis(5_500), take.stoppedAt, "stopped at the call's end");
        assertEquals("completed", ann.last(CtiEvent.RecordingStopped.class).status());
        StoredRecording row = row();
        assertEquals("COMPLETED", row.status());
        assertEquals(2_201L, row.pausedMs(), "1,500 ms + 701 ms paused");
        assertEquals(5_500L, row.durationMs(), "the recorder's own length, from the bridge to the call's end");
    }

    @Test
    void aPauseStillOnWhenTheCallEndsCountsUpToTheEnd() {
        DialerUnderTest.Desktop ann = connected();
        String ix = ix(ann);
        advance(1_000);
        ann.send(new CtiCommand.PauseRecording("p", ix));
        advance(2_345);
        gw.leg(0).end(EndReason.REMOTE_HANGUP);
        assertEquals(2_345L, row().pausedMs());
    }

    @Test
    void holdMutesTheRecordingWithoutCountingAsAPause() {
        DialerUnderTest.Desktop ann = connected();
        String ix = ix(ann);
        advance(1_000);
        ann.send(new CtiCommand.Hold("h", ix));
        ann.last(CtiEvent.InteractionHeld.class);
        advance(1_500);
        ann.send(new CtiCommand.Retrieve("rt", ix));
        ann.last(CtiEvent.InteractionRetrieved.class);
        advance(500);
        assertEquals(List.of("mute on", "mute off"), media.takes.get(0).asked, "muted from Hold to Retrieve");
        gw.leg(0).end(EndReason.REMOTE_HANGUP);
        assertEquals(0L, row().pausedMs(), "a hold is the call's, not the agent's pause");
        assertEquals(3_000L, row().durationMs());
    }

    @Test
    void anAssuredConnectionCallIsRecordedFromTheBridgeNotFromTheEngagement() {
        DialerUnderTest.Desktop ann = dialer("assured_connection");
        ann.send(new CtiCommand.Ready("r"));
        gw.leg(0).answer(); // ann's phone: engaged, waiting for a contact
        Instant engaged = gw.clock.now();
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(2, gw.ua.legs.size(), "the contact is dialed for the engaged agent");
        advance(3_000);
        assertEquals(0, media.takes.size(), "nothing recorded during the engagement");
        gw.leg(1).answer();
        Instant bridged = gw.clock.now();
        assertEquals(engaged.plusMillis(4_000), bridged);
        assertEquals(1, media.takes.size());
        assertEquals(bridged, media.takes.get(0).startedAt, "the recorder starts at the bridge");
        List<String> seen = ann.types();
        assertTrue(seen.indexOf("InteractionEstablished") < seen.indexOf("RecordingStarted"), seen.toString());
        advance(2_000);
        gw.leg(1).end(EndReason.REMOTE_HANGUP);
        assertEquals(2_000L, row().durationMs(), "the file spans the bridged call only");
        assertEquals(0L, row().pausedMs());
    }
}
