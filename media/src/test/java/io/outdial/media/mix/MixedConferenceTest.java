package io.outdial.media.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import io.outdial.media.player.VirtualClock;
import io.outdial.media.relay.RecordingEndpoint;
import io.outdial.media.rtp.RtpHeader;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mixer on (network-free) RTP endpoints, paced by a virtual clock whose timers run late. */
class MixedConferenceTest {
    private static final long FRAME = MixedConference.FRAME_NANOS;

    private static RecordingEndpoint endpoint(Codec codec, int port) {
        return new RecordingEndpoint(new RtpPeer(new InetSocketAddress("127.0.0.1", port), codec,
                codec.staticPayloadType(), 101));
    }

    /** One RTP packet of 160 codes, all {@code code}. */
    private static ByteBuf packet(int payloadType, int seq, byte code) {
        ByteBuf p = Unpooled.buffer(RtpHeader.FIXED_LENGTH + 160);
        p.writeByte(RtpHeader.VERSION << 6);
        p.writeByte(payloadType);
        p.writeShort(seq);
        p.writeInt(seq * 160);
        p.writeInt(7);
        for (int i = 0; i < 160; i++) {
            p.writeByte(code);
        }
        return p;
    }

    @Test
    void eachPeerGetsTheOthersInItsOwnPayloadTypeEveryTwentyMilliseconds() {
        VirtualClock clock = new VirtualClock(3_000_000L);
        RecordingEndpoint contact = endpoint(Codec.PCMU, 4000);
        RecordingEndpoint agent = endpoint(Codec.PCMA, 4002);
        RecordingEndpoint target = endpoint(Codec.PCMU, 4004);
        MixedConference conference = MixedConference.start(List.of(contact, agent, target), clock,
                UnpooledByteBufAllocator.DEFAULT);
        assertEquals(3, conference.participants());
        // Only the contact speaks, one packet per 20 ms, for one second.
        for (int n = 0; n < 50; n++) {
            contact.sink.onRtp(packet(0, n, (byte) 0x10));
            clock.advanceBy(FRAME);
        }
        assertTrue(agent.sent.size() >= 48 && agent.sent.size() <= 50, "one frame per tick: " + agent.sent.size());
        assertEquals(agent.sent.size(), target.sent.size());
        assertEquals(0, contact.sent.size(), "the contact does not hear itself, and nobody else spoke");
        assertEquals(8, RtpHeader.payloadType(agent.sent.get(0)), "A-law to the agent");
        assertEquals(0, RtpHeader.payloadType(target.sent.get(0)), "mu-law to the target");
        assertEquals(0, conference.framesDropped());

        // A telephone-event from the agent is not audio: still nothing for the contact.
        agent.sink.onRtp(packet(101, 1, (byte) 0));
        clock.advanceBy(FRAME);
        assertEquals(0, contact.sent.size());

        conference.stop();
        assertNull(contact.sink, "the endpoints are free for a relay again");
        int sent = agent.sent.size();
        clock.advanceBy(10 * FRAME);
        assertEquals(sent, agent.sent.size(), "nothing after stop");
    }

    @Test
    void anEndpointWithoutAPeerOrAlreadyRelayedIsRefused() {
        VirtualClock clock = new VirtualClock(0);
        RecordingEndpoint busy = endpoint(Codec.PCMU, 4000);
        busy.attach(packet -> { });
        RecordingEndpoint free = endpoint(Codec.PCMU, 4002);
        assertThrows(IllegalStateException.class, () -> MixedConference.start(List.of(free, busy), clock,
                UnpooledByteBufAllocator.DEFAULT));
        assertNull(free.sink, "a refused conference leaves nothing attached");
        assertThrows(IllegalArgumentException.class, () -> MixedConference.start(List.of(free), clock,
                UnpooledByteBufAllocator.DEFAULT));
    }
}
