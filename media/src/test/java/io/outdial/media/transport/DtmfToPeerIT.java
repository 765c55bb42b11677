package io.outdial.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.outdial.media.Codec;
import io.outdial.media.MediaConfig;
import io.outdial.media.Playback;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.dtmf.TelephoneEventPacket;
import io.outdial.media.player.MediaClip;
import io.outdial.media.rtp.RtpHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DTMF from a real endpoint to a JDK socket playing the contact's phone, with a player competing for the stream. */
class DtmfToPeerIT {

    private static final int CONTACT_EVENT_PT = 100;

    private final int firstPort = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
    private final NettyMediaEngine engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", firstPort,
            firstPort + 10, 1));
    private final Phone contact = new Phone("127.0.0.1");

    @AfterEach
    void stop() {
        engine.close();
        contact.close();
    }

    @Test
    void digitsReachThePeerWithItsEventTypeWhileTheAudioThatWouldOverlapThemIsHeldBack() throws Exception {
        RtpEndpoint endpoint = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        endpoint.connect(new RtpPeer(contact.address(), Codec.PCMU, 0, CONTACT_EVENT_PT));
        Playback music = engine.play(endpoint, MediaClip.fromPcm("hum", new short[1600]), true);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, RtpHeader.payloadType(Unpooled.wrappedBuffer(contact.receive())), "music first");
        }

        engine.sendDtmf(endpoint, "3#", 100).get(5, TimeUnit.SECONDS);

        List<ByteBuf> heard = new ArrayList<>();
        int endPackets = 0;
        while (endPackets < 6) {
            ByteBuf p = Unpooled.wrappedBuffer(contact.receive());
            heard.add(p);
            if (RtpHeader.payloadType(p) == CONTACT_EVENT_PT && TelephoneEventPacket.isEnd(p)) {
                endPackets++;
            }
        }
        heard.add(Unpooled.wrappedBuffer(contact.receive())); // the music again
        music.stop();

        int ssrc = ((NettyRtpEndpoint) endpoint).ssrc();
        List<String> digits = new ArrayList<>();
        boolean inEvent = false;
        int previousSequence = -1;
        for (ByteBuf p : heard) {
            assertEquals(ssrc, RtpHeader.ssrc(p), "one stream, events and audio");
            if (previousSequence >= 0) {
                assertEquals((previousSequence + 1) & 0xFFFF, RtpHeader.sequence(p), "no gap, no overlap");
            }
            previousSequence = RtpHeader.sequence(p);
            boolean event = RtpHeader.payloadType(p) == CONTACT_EVENT_PT;
            if (!event) {
                assertFalse(inEvent, "audio between the start and the end packets of a digit");
                continue;
            }
            if (RtpHeader.marker(p)) {
                inEvent = true;
                digits.add(String.valueOf(io.outdial.media.dtmf.DtmfDigits.key(TelephoneEventPacket.eventCode(p))));
            }
            if (TelephoneEventPacket.isEnd(p)) {
                assertEquals(800, TelephoneEventPacket.duration(p));
                inEvent = false; // audio may come once the third is out; the stream's order says when
            }
        }
        assertEquals(List.of("3", "#"), digits);
        ByteBuf after = heard.get(heard.size() - 1);
        assertEquals(0, RtpHeader.payloadType(after), "music goes on after the digits");
        assertTrue(((NettyRtpEndpoint) endpoint).packetsSuppressed() > 0, "the player was held back");
    }

    @Test
    void aPeerWithoutTelephoneEventGetsNoneAndTheCallerIsTold() throws Exception {
        RtpEndpoint endpoint = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        endpoint.connect(new RtpPeer(contact.address(), Codec.PCMA, 8, -1));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> engine.sendDtmf(endpoint, "1", 160).get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("did not negotiate telephone-event"));
        assertEquals(0, endpoint.stats().packetsSent());
    }
}
