package io.outdial.media.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demultiplexer of one browser leg, fed datagrams by hand on an embedded channel with a hand-driven clock: what
 * is answered, what is dropped, and when the leg gives up on a browser that stopped checking.
 */
class WebRtcTransportTest {
    private static final IceCredentials GATEWAY = new IceCredentials("gWay", "gatewaypassword0123456789");
    private static final IceCredentials BROWSER = new IceCredentials("brws", "browserpassword0123456789");
    private static final InetSocketAddress BROWSER_HOST = new InetSocketAddress("127.0.0.1", 50_000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.1", 50_002);

    private final WebRtcHandshakes handshakes = new WebRtcHandshakes(1, 1);
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> events = new ArrayList<>();
    private final List<RtpPeer> peers = new ArrayList<>();
    private final WebRtcTransport transport = new WebRtcTransport(new IceLiteResponder(GATEWAY, BROWSER),
            new DtlsSrtpHandshake(DtlsRole.SERVER, DtlsIdentity.generate(Duration.ofDays(1)),
                    DtlsIdentity.generate(Duration.ofDays(1)).fingerprint(), 2_000),
            handshakes, Codec.PCMU, 0, 126, new WebRtcTransport.Listener() {
                @Override
                public void secured(InetSocketAddress browser) {
                    events.add("secured " + browser);
                }

                @Override
                public void failed(WebRtcFailure why, String reason) {
                    events.add("failed " + why.label() + ": " + reason);
                }

                @Override
                public void closed(String reason) {
                    events.add("closed " + reason);
                }
            });

    WebRtcTransportTest() {
        transport.clock(now::get);
        transport.bind(peers::add, channel.eventLoop());
        channel.runPendingTasks();
    }

    @AfterEach
    void stop() {
        handshakes.close();
        channel.finishAndReleaseAll();
    }

    private boolean feed(byte[] datagram, InetSocketAddress from) {
        ByteBuf packet = Unpooled.wrappedBuffer(datagram);
        try {
            return transport.intercept(packet, from, channel);
        } finally {
            packet.release();
        }
    }

    private static byte[] check() {
        return TestStun.request("gWay:brws", GATEWAY.password()).nominate().build();
    }

    private static byte[] rtp() {
        byte[] packet = new byte[172];
        packet[0] = (byte) 0x80;
        return packet;
    }

    private static byte[] dtlsRecord() {
        byte[] record = new byte[40];
        record[0] = 22; // handshake content type
        return record;
    }

    @Test
    void aValidCheckIsAnsweredToItsSource() {
        assertTrue(feed(check(), BROWSER_HOST));
        Object written = channel.readOutbound();
        DatagramPacket answer = assertInstanceOf(DatagramPacket.class, written);
        assertEquals(BROWSER_HOST, answer.recipient());
        assertEquals(0x0101, answer.content().getUnsignedShort(0));
        answer.release();
        assertEquals(WebRtcTransport.Phase.CHECKING, transport.phase());
    }

    @Test
    void aForgedCheckIsDroppedUnanswered() {
        assertTrue(feed(TestStun.request("gWay:brws", "wrongpassword0123456789").build(), STRANGER));
        assertNull(channel.readOutbound());
        assertEquals(1, transport.dropped());
    }

    @Test
    void dtlsFromAnUncheckedSourceStartsNothing() {
        feed(check(), BROWSER_HOST);
        ((DatagramPacket) channel.readOutbound()).release();
        assertTrue(feed(dtlsRecord(), STRANGER));
        assertEquals(WebRtcTransport.Phase.CHECKING, transport.phase());
        assertEquals(1, transport.dropped());
    }

    @Test
    void rtpBeforeTheKeysOrFromElsewhereNeverReachesTheEndpoint() {
        assertTrue(feed(rtp(), BROWSER_HOST), "no keys yet: consumed, not passed on as plain RTP");
        assertTrue(feed(new byte[] {(byte) 0xff, 1, 2}, BROWSER_HOST), "outside every RFC 7983 range");
        assertTrue(feed(new byte[0], BROWSER_HOST));
        assertEquals(3, transport.dropped());
        assertTrue(peers.isEmpty(), "nothing connects the endpoint before DTLS agreed keys");
    }

    @Test
    void aBrowserThatNeverChecksFailsTheLegAfterThirtySeconds() {
        transport.checkConsent(now.get() + WebRtcTransport.CONSENT_TIMEOUT_NANOS - 1);
        assertTrue(events.isEmpty());
        transport.checkConsent(now.get() + WebRtcTransport.CONSENT_TIMEOUT_NANOS);
        assertEquals(List.of("failed no_ice_check: no connectivity check from the browser for 30 s"), events);
        assertEquals(WebRtcTransport.Phase.FAILED, transport.phase());
        transport.close();
        assertEquals(1, events.size(), "a failed leg does not also report closed");
    }

    @Test
    void checksKeepConsentFresh() {
        now.addAndGet(WebRtcTransport.CONSENT_TIMEOUT_NANOS - 1);
        feed(check(), BROWSER_HOST);
        ((DatagramPacket) channel.readOutbound()).release();
        transport.checkConsent(now.get() + WebRtcTransport.CONSENT_TIMEOUT_NANOS - 1);
        assertTrue(events.isEmpty());
    }

    @Test
    void dtlsFromTheCheckedBrowserStartsTheHandshake() {
        feed(check(), BROWSER_HOST);
        ((DatagramPacket) channel.readOutbound()).release();
        assertTrue(feed(dtlsRecord(), BROWSER_HOST));
        assertEquals(WebRtcTransport.Phase.HANDSHAKING, transport.phase());
        assertFalse(peers.iterator().hasNext(), "no media peer before the keys");
        transport.close(); // stops the handshake waiting for more records
        assertEquals(WebRtcTransport.Phase.CLOSED, transport.phase());
    }

    @Test
    void closingEndsTheLegOnce() {
        transport.close();
        transport.close();
        assertEquals(List.of("closed the endpoint closed"), events);
    }
}
