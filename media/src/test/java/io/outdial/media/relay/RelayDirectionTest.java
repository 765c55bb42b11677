package io.outdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import io.outdial.media.codec.G711;
import io.outdial.media.rtp.RtpHeader;
import io.outdial.media.rtp.RtpSink;
import io.outdial.media.rtp.TestPacket;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;

import static io.outdial.media.rtp.TestPacket.rtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayDirectionTest {

    private static final InetSocketAddress PHONE = new InetSocketAddress("127.0.0.1", 40000);

    private final RecordingEndpoint contact = new RecordingEndpoint(new RtpPeer(PHONE, Codec.PCMU, 0, 101));
    private final RecordingEndpoint agent = new RecordingEndpoint(new RtpPeer(PHONE, Codec.PCMA, 8, 96));
    private final LongAdder engineTotal = new LongAdder();

    @Test
    void theSameBufferIsRewrittenInPlaceAndRetainedOnceForTheOtherSide() {
        RelayDirection toAgent = new RelayDirection(contact, agent, engineTotal);
        byte[] payload = TestPacket.payloadOf(160, 1);
        ByteBuf packet = rtp(0, 1, 2, 3).payload(payload).buffer();

        toAgent.onRtp(packet);

        assertSame(packet, agent.sent.get(0), "no copy");
        assertEquals(2, packet.refCnt(), "the endpoint's reference plus the one handed to the send");
        assertEquals(8, RtpHeader.payloadType(packet));
        assertEquals(G711.ulawToAlaw(payload[0]), packet.getByte(packet.readerIndex() + 12));
        packet.release(); // what the receiving endpoint does after the sink returns
        agent.sent.get(0).release(); // what the channel does once the datagram is written
        assertEquals(0, packet.refCnt());
        assertEquals(1, toAgent.relayed());
        assertEquals(1, engineTotal.sum());
    }

    @Test
    void aDroppedPacketIsLeftToTheEndpointToRelease() {
        RelayDirection toAgent = new RelayDirection(contact, agent, engineTotal);
        ByteBuf comfortNoise = rtp(13, 1, 2, 3).payload(new byte[1]).buffer();
        toAgent.onRtp(comfortNoise);
        assertEquals(1, comfortNoise.refCnt());
        assertTrue(agent.sent.isEmpty());
        assertEquals(1, toAgent.dropped());
        assertEquals(0, engineTotal.sum());
    }

    @Test
    void nothingIsSentBeforeTheOtherSideHasAPeer() {
        RecordingEndpoint unanswered = new RecordingEndpoint(null);
        RelayDirection direction = new RelayDirection(contact, unanswered, engineTotal);
        ByteBuf packet = rtp(0, 1, 2, 3).payload(new byte[160]).buffer();
        direction.onRtp(packet);
        assertTrue(unanswered.sent.isEmpty());
        assertEquals(1, packet.refCnt());
    }

    @Test
    void aRenegotiatedCodecIsPickedUpAtTheNextPacket() {
        RelayDirection toAgent = new RelayDirection(contact, agent, engineTotal);
        toAgent.onRtp(rtp(0, 1, 2, 3).payload(new byte[160]).buffer());
        agent.connect(new RtpPeer(PHONE, Codec.PCMU, 0, 101));
        byte[] payload = TestPacket.payloadOf(160, 4);
        ByteBuf packet = rtp(0, 2, 162, 3).payload(payload).buffer();
        toAgent.onRtp(packet);
        assertEquals(0, RtpHeader.payloadType(packet));
        assertEquals(payload[0], packet.getByte(packet.readerIndex() + 12), "same codec now: not transcoded");
    }

    @Test
    void aRelayTakesBothEndpointsOrNeither() {
        RtpSink busy = p -> { };
        agent.attach(busy);
        assertThrows(IllegalStateException.class, () -> EndpointRelay.start(contact, agent, engineTotal));
        assertNull(contact.sink, "the first side was given back");

        agent.detach(busy);
        EndpointRelay relay = EndpointRelay.start(contact, agent, engineTotal);
        relay.stop();
        relay.stop();
        assertNull(contact.sink);
        assertNull(agent.sink);
    }
}
