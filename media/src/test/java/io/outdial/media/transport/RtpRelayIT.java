package io.outdial.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.outdial.media.Codec;
import io.outdial.media.MediaConfig;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.RtpRelay;
import io.outdial.media.StreamStats;
import io.outdial.media.codec.G711;
import io.outdial.media.rtp.PacketEndpoint;
import io.outdial.media.rtp.RtpHeader;
import io.outdial.media.rtp.RtpSink;
import io.outdial.media.rtp.TestPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.outdial.media.rtp.TestPacket.rtp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Two JDK sockets play the phones; the engine's endpoints and relay run for real on loopback. */
class RtpRelayIT {

    private static final int PHONE_A_SSRC = 0xA1A1_A1A1;
    private static final int PHONE_B_SSRC = 0xB2B2_B2B2;

    private final int firstPort = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
    private NettyMediaEngine engine;
    private Phone phoneA;
    private Phone phoneB;

    @BeforeEach
    void startPhones() {
        phoneA = new Phone("127.0.0.1");
        phoneB = new Phone("127.0.0.1");
    }

    @AfterEach
    void stopEverything() {
        if (engine != null) {
            engine.close();
        }
        phoneA.close();
        phoneB.close();
    }

    /** Epoll where it loads; {@link RtpRelayNioIT} runs every test again on the NIO fallback. */
    boolean allowEpoll() {
        return true;
    }

    private NettyMediaEngine engine(int ports, int ioThreads) {
        engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", firstPort, firstPort + 2 * (ports - 1),
                ioThreads), allowEpoll());
        return engine;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    private static void awaitCondition(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.onSpinWait();
        }
    }

    private static RtpPeer pcmu(Phone phone) {
        return new RtpPeer(phone.address(), Codec.PCMU, 0, 101);
    }

    private static RtpPeer pcma(Phone phone) {
        return new RtpPeer(phone.address(), Codec.PCMA, 8, 96);
    }

    private static byte[] audio(int payloadType, int i, int ssrc) {
        return rtp(payloadType, 1000 + i, 8000 + 160 * i, ssrc).payload(TestPacket.payloadOf(160, i)).bytes();
    }

    private static ByteBuf wrap(byte[] datagram) {
        return Unpooled.wrappedBuffer(datagram);
    }

    private static byte[] payload(byte[] datagram) {
        ByteBuf p = wrap(datagram);
        int offset = RtpHeader.payloadOffset(p);
        byte[] out = new byte[RtpHeader.payloadLength(p, offset)];
        p.getBytes(offset, out);
        return out;
    }

    private static byte[] transcoded(byte[] payload, Codec from) {
        byte[] out = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            out[i] = from == Codec.PCMU ? G711.ulawToAlaw(payload[i]) : G711.alawToUlaw(payload[i]);
        }
        return out;
    }

    @Test
    void relaysBothWaysWithOurOwnStreamsAndTranscodesPcmuToPcma() throws Exception {
        engine(10, 2); // two loops: the endpoints land on different threads
        PacketEndpoint a = (PacketEndpoint) await(engine.openEndpoint());
        PacketEndpoint b = (PacketEndpoint) await(engine.openEndpoint());
        a.connect(pcmu(phoneA));
        b.connect(pcma(phoneB));
        RtpRelay relay = engine.relay(a, b);

        int firstSequence = -1;
        int firstTimestamp = 0;
        for (int i = 0; i < 50; i++) {
            phoneA.send(a, audio(0, i, PHONE_A_SSRC));
            ByteBuf got = wrap(phoneB.receive());
            if (i == 0) {
                firstSequence = RtpHeader.sequence(got);
                firstTimestamp = RtpHeader.timestamp(got);
            }
            assertEquals(b.ssrc(), RtpHeader.ssrc(got), "B's stream carries B's SSRC");
            assertEquals((firstSequence + i) & 0xFFFF, RtpHeader.sequence(got));
            assertEquals(firstTimestamp + 160 * i, RtpHeader.timestamp(got));
            assertEquals(8, RtpHeader.payloadType(got));
            assertEquals(i == 0, RtpHeader.marker(got), "marker on the first packet of the stream only");
            assertArrayEquals(transcoded(TestPacket.payloadOf(160, i), Codec.PCMU), payload(bytes(got)));
        }

        for (int i = 0; i < 30; i++) {
            phoneB.send(b, audio(8, i, PHONE_B_SSRC));
            ByteBuf got = wrap(phoneA.receive());
            assertEquals(a.ssrc(), RtpHeader.ssrc(got));
            assertEquals(0, RtpHeader.payloadType(got));
            assertArrayEquals(transcoded(TestPacket.payloadOf(160, i), Codec.PCMA), payload(bytes(got)));
        }

        byte[] digit = {1, (byte) 0x8A, 0, (byte) 160};
        phoneA.send(a, rtp(101, 1050, 8000 + 160 * 50, PHONE_A_SSRC).marker(true).payload(digit).bytes());
        ByteBuf event = wrap(phoneB.receive());
        assertEquals(96, RtpHeader.payloadType(event), "A's telephone-event type becomes B's");
        assertEquals((firstSequence + 50) & 0xFFFF, RtpHeader.sequence(event), "same stream, next number");
        assertArrayEquals(digit, payload(bytes(event)));

        assertEquals(81, relay.packetsRelayed());
        assertEquals(81, engine.totalPacketsRelayed());
        StreamStats statsA = a.stats();
        StreamStats statsB = b.stats();
        assertEquals(51, statsA.packetsReceived());
        assertEquals(50 * 172 + 16, statsA.bytesReceived());
        assertEquals(30, statsA.packetsSent());
        assertEquals(30, statsB.packetsReceived());
        assertEquals(51, statsB.packetsSent());
        assertEquals(50 * 172 + 16, statsB.bytesSent());
        assertNotEquals(a.ssrc(), b.ssrc());
    }

    private static byte[] bytes(ByteBuf datagram) {
        byte[] bytes = new byte[datagram.readableBytes()];
        datagram.getBytes(datagram.readerIndex(), bytes);
        return bytes;
    }

    @Test
    void aNewSourceOnOneSideKeepsTheOtherSidesStreamContiguous() throws Exception {
        engine(10, 1);
        PacketEndpoint a = (PacketEndpoint) await(engine.openEndpoint());
        PacketEndpoint b = (PacketEndpoint) await(engine.openEndpoint());
        a.connect(pcmu(phoneA));
        b.connect(pcmu(phoneB));
        engine.relay(a, b);

        phoneA.send(a, audio(0, 0, PHONE_A_SSRC));
        ByteBuf first = wrap(phoneB.receive());
        // the phone restarts its stream: new SSRC, unrelated sequence number and timestamp
        phoneA.send(a, rtp(0, 7, 123_456, 0x0D0D_0D0D).payload(new byte[160]).bytes());
        ByteBuf restarted = wrap(phoneB.receive());

        assertEquals(b.ssrc(), RtpHeader.ssrc(restarted));
        assertEquals((RtpHeader.sequence(first) + 1) & 0xFFFF, RtpHeader.sequence(restarted));
        assertTrue(RtpHeader.timestamp(restarted) - RtpHeader.timestamp(first) >= 160);
        assertTrue(RtpHeader.marker(restarted));
    }

    @Test
    void latchesOnTheActualSourcePortAndAcceptsNoOtherSource() throws Exception {
        engine(10, 1);
        PacketEndpoint a = (PacketEndpoint) await(engine.openEndpoint());
        PacketEndpoint b = (PacketEndpoint) await(engine.openEndpoint());
        try (Phone advertised = new Phone("127.0.0.1");
             Phone stranger = new Phone("127.0.0.2");
             Phone sameHostOtherPort = new Phone("127.0.0.1")) {
            // SDP names one port, the phone (behind NAT) sends from another
            a.connect(new RtpPeer(advertised.address(), Codec.PCMU, 0, 101));
            b.connect(pcmu(phoneB));
            engine.relay(a, b);

            stranger.send(a, audio(0, 99, 0x5757_5757));
            phoneA.send(a, audio(0, 1, PHONE_A_SSRC));
            ByteBuf got = wrap(phoneB.receive());
            assertArrayEquals(TestPacket.payloadOf(160, 1), payload(bytes(got)), "the stranger's was dropped");
            assertEquals(1, ((NettyRtpEndpoint) a).packetsDropped());

            phoneB.send(b, audio(0, 2, PHONE_B_SSRC));
            assertArrayEquals(TestPacket.payloadOf(160, 2), payload(phoneA.receive()),
                    "replies go where the phone really sends from");

            sameHostOtherPort.send(a, audio(0, 98, PHONE_A_SSRC));
            phoneA.send(a, audio(0, 3, PHONE_A_SSRC));
            assertArrayEquals(TestPacket.payloadOf(160, 3), payload(phoneB.receive()),
                    "once latched, another port of the same host is refused");
            assertEquals(2, a.stats().packetsReceived());
        }
    }

    @Test
    void datagramsThatAreNotRtpAreDroppedAndDoNotLatch() throws Exception {
        engine(10, 1);
        PacketEndpoint a = (PacketEndpoint) await(engine.openEndpoint());
        PacketEndpoint b = (PacketEndpoint) await(engine.openEndpoint());
        a.connect(pcmu(phoneA));
        b.connect(pcmu(phoneB));
        engine.relay(a, b);

        try (Phone sameHostOtherPort = new Phone("127.0.0.1")) {
            sameHostOtherPort.send(a, new byte[] {1, 2, 3, 4, 5});
            byte[] versionOne = audio(0, 7, PHONE_A_SSRC);
            versionOne[0] = 0x40;
            sameHostOtherPort.send(a, versionOne);
            phoneA.send(a, new byte[0]);
            phoneA.send(a, audio(0, 1, PHONE_A_SSRC));
        }
        assertArrayEquals(TestPacket.payloadOf(160, 1), payload(phoneB.receive()));
        assertEquals(1, a.stats().packetsReceived());
        assertEquals(3, ((NettyRtpEndpoint) a).packetsDropped());
    }

    @Test
    void packetsBeforeARelayAreCountedAndDropped() throws Exception {
        engine(10, 1);
        PacketEndpoint a = (PacketEndpoint) await(engine.openEndpoint());
        PacketEndpoint b = (PacketEndpoint) await(engine.openEndpoint());
        a.connect(pcmu(phoneA));
        b.connect(pcmu(phoneB));

        phoneA.send(a, audio(0, 0, PHONE_A_SSRC));
        awaitCondition(() -> a.stats().packetsReceived() == 1, "A counted the packet");
        RtpRelay relay = engine.relay(a, b);
        phoneA.send(a, audio(0, 1, PHONE_A_SSRC));

        assertArrayEquals(TestPacket.payloadOf(160, 1), payload(phoneB.receive()));
        assertEquals(1, relay.packetsRelayed());
        assertEquals(2, a.stats().packetsReceived());
        assertEquals(1, b.stats().packetsSent());
    }

    @Test
    void aStoppedRelayLetsGoOfBothEndpoints() throws Exception {
        engine(10, 1);
        PacketEndpoint a = (PacketEndpoint) await(engine.openEndpoint());
        PacketEndpoint b = (PacketEndpoint) await(engine.openEndpoint());
        a.connect(pcmu(phoneA));
        b.connect(pcmu(phoneB));
        RtpRelay relay = engine.relay(a, b);
        phoneA.send(a, audio(0, 0, PHONE_A_SSRC));
        phoneB.receive();

        relay.stop();
        relay.stop();
        BlockingQueue<Integer> heard = new ArrayBlockingQueue<>(4);
        RtpSink listener = packet -> heard.add(RtpHeader.sequence(packet));
        a.attach(listener); // would throw if the relay still held A
        phoneA.send(a, audio(0, 1, PHONE_A_SSRC));
        assertEquals(1001, heard.poll(5, TimeUnit.SECONDS));
        assertTrue(a.detach(listener));

        RtpRelay again = engine.relay(a, b);
        phoneA.send(a, audio(0, 2, PHONE_A_SSRC));
        assertArrayEquals(TestPacket.payloadOf(160, 2), payload(phoneB.receive()), "packet 1 was never relayed");
        assertEquals(1, relay.packetsRelayed());
        assertEquals(1, again.packetsRelayed());
    }

    @Test
    void anEndpointServesOneRelayAtATime() throws Exception {
        engine(10, 1);
        RtpEndpoint a = await(engine.openEndpoint());
        RtpEndpoint b = await(engine.openEndpoint());
        RtpEndpoint c = await(engine.openEndpoint());
        RtpEndpoint d = await(engine.openEndpoint());
        engine.relay(a, b);
        assertThrows(IllegalStateException.class, () -> engine.relay(c, a));
        assertNotNull(engine.relay(c, d), "the refused relay left c free");
        assertThrows(IllegalArgumentException.class, () -> engine.relay(d, d));
    }

    @Test
    void followsThePeerToANewAddressAndCodec() throws Exception {
        engine(10, 1);
        PacketEndpoint a = (PacketEndpoint) await(engine.openEndpoint());
        PacketEndpoint b = (PacketEndpoint) await(engine.openEndpoint());
        a.connect(pcmu(phoneA));
        b.connect(pcmu(phoneB));
        engine.relay(a, b);
        phoneB.send(b, audio(0, 0, PHONE_B_SSRC)); // latches (and connects) B to phone B
        phoneA.receive();
        phoneA.send(a, audio(0, 1, PHONE_A_SSRC));
        ByteBuf before = wrap(phoneB.receive());

        try (Phone moved = new Phone("127.0.0.1")) {
            b.connect(pcma(moved)); // a re-INVITE: new address, and PCMA this time
            phoneA.send(a, audio(0, 2, PHONE_A_SSRC));
            ByteBuf after = wrap(moved.receive());
            assertEquals(8, RtpHeader.payloadType(after));
            assertArrayEquals(transcoded(TestPacket.payloadOf(160, 2), Codec.PCMU), payload(bytes(after)));
            assertEquals((RtpHeader.sequence(before) + 1) & 0xFFFF, RtpHeader.sequence(after),
                    "B's stream goes on unbroken");
            assertEquals(b.localAddress(), ((NettyRtpEndpoint) b).localAddress());

            moved.send(b, audio(8, 3, PHONE_B_SSRC));
            assertArrayEquals(transcoded(TestPacket.payloadOf(160, 3), Codec.PCMA), payload(phoneA.receive()),
                    "the new address is latched on the same local port");
        }
    }

    @Test
    void closedPortsGoBackToTheRangeAndAreReused() throws Exception {
        engine(2, 1);
        RtpEndpoint first = await(engine.openEndpoint());
        RtpEndpoint second = await(engine.openEndpoint());
        assertEquals(firstPort, first.localAddress().getPort());
        assertEquals(firstPort + 2, second.localAddress().getPort());
        assertEquals(2, engine.openEndpoints());

        ExecutionException exhausted = assertThrows(ExecutionException.class, () -> await(engine.openEndpoint()));
        assertTrue(exhausted.getCause().getMessage().contains("exhausted"), exhausted.getCause().getMessage());

        CompletableFuture<Void> closing = first.close();
        assertTrue(closing == first.close(), "close is idempotent");
        await(closing);
        assertEquals(1, engine.openEndpoints());
        RtpEndpoint reopened = await(engine.openEndpoint());
        assertEquals(firstPort, reopened.localAddress().getPort(), "the freed port is bound again");
        assertThrows(IllegalArgumentException.class, () -> engine.relay(first, second), "closed endpoint");

        engine.close();
        assertEquals(0, engine.openEndpoints());
        assertThrows(ExecutionException.class, () -> await(engine.openEndpoint()));
    }

    @Test
    void portsHeldByAnotherSocketAreSkipped() throws Exception {
        try (java.net.DatagramSocket squatter = new java.net.DatagramSocket(
                new java.net.InetSocketAddress("127.0.0.1", firstPort))) {
            engine(2, 1);
            RtpEndpoint endpoint = await(engine.openEndpoint());
            assertEquals(firstPort + 2, endpoint.localAddress().getPort());
            ExecutionException none = assertThrows(ExecutionException.class, () -> await(engine.openEndpoint()));
            assertTrue(none.getCause().getMessage().contains("could be bound"), none.getCause().getMessage());
            assertEquals(1, engine.openEndpoints());
            assertFalse(squatter.isClosed());
        }
    }
}
