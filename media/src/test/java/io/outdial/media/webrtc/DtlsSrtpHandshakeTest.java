package io.outdial.media.webrtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.outdial.media.srtp.SrtpKeys;
import io.outdial.media.srtp.SrtpReceiver;
import io.outdial.media.srtp.SrtpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two DTLS-SRTP handshakes, our server against our client, through in-memory datagram queues: they agree mirrored
 * SRTP keys when each certificate matches the fingerprint the other was told, and both fail when one does not.
 */
class DtlsSrtpHandshakeTest {
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);
    private static final DtlsIdentity GATEWAY = DtlsIdentity.generate(Duration.ofDays(30));
    private static final DtlsIdentity BROWSER = DtlsIdentity.generate(Duration.ofDays(30));
    private static final DtlsIdentity IMPOSTOR = DtlsIdentity.generate(Duration.ofDays(30));

    @AfterAll
    static void stop() {
        THREADS.shutdownNow();
    }

    /** Two transports, each delivering what the other sends. */
    private static PacketQueueTransport[] pair() {
        AtomicReference<PacketQueueTransport> a = new AtomicReference<>();
        AtomicReference<PacketQueueTransport> b = new AtomicReference<>();
        a.set(new PacketQueueTransport(datagram -> b.get().offer(datagram)));
        b.set(new PacketQueueTransport(datagram -> a.get().offer(datagram)));
        return new PacketQueueTransport[] {a.get(), b.get()};
    }

    private static CompletableFuture<DtlsSrtpHandshake.Result> run(DtlsSrtpHandshake handshake,
                                                                  PacketQueueTransport transport) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return handshake.run(transport);
            } catch (IOException e) {
                transport.close();
                throw new java.util.concurrent.CompletionException(e);
            }
        }, THREADS);
    }

    private static ByteBuf rtp(int sequence) {
        ByteBuf b = Unpooled.buffer(200);
        b.writeByte(0x80).writeByte(0).writeShort(sequence).writeInt(160 * sequence).writeInt(0x1234);
        for (int i = 0; i < 160; i++) {
            b.writeByte(i);
        }
        return b;
    }

    private static void assertCarries(SrtpKeys from, SrtpKeys to) {
        SrtpSession sender = new SrtpSession();
        sender.follow(from);
        SrtpSession receiver = new SrtpSession();
        receiver.follow(to);
        ByteBuf packet = rtp(5);
        byte[] plain = ByteBufUtil.getBytes(packet);
        packet = sender.protect(packet, io.netty.buffer.PooledByteBufAllocator.DEFAULT);
        assertEquals(SrtpReceiver.Verdict.OK, receiver.unprotect(packet));
        assertArrayEquals(plain, ByteBufUtil.getBytes(packet));
        packet.release();
    }

    @Test
    void matchingFingerprintsAgreeKeysThatCarrySrtpBothWays() throws Exception {
        PacketQueueTransport[] wire = pair();
        var server = run(new DtlsSrtpHandshake(DtlsRole.SERVER, GATEWAY, BROWSER.fingerprint(), 10_000), wire[0]);
        var client = run(new DtlsSrtpHandshake(DtlsRole.CLIENT, BROWSER, GATEWAY.fingerprint(), 10_000), wire[1]);
        SrtpKeys gateway = server.get(20, TimeUnit.SECONDS).keys();
        SrtpKeys browser = client.get(20, TimeUnit.SECONDS).keys();
        assertCarries(gateway, browser);
        assertCarries(browser, gateway);
    }

    @Test
    void aCertificateThatDoesNotMatchTheFingerprintFailsBothSides() {
        PacketQueueTransport[] wire = pair();
        // the gateway was told the browser's fingerprint, but an impostor answers with its own certificate
        var server = run(new DtlsSrtpHandshake(DtlsRole.SERVER, GATEWAY, BROWSER.fingerprint(), 5_000), wire[0]);
        var client = run(new DtlsSrtpHandshake(DtlsRole.CLIENT, IMPOSTOR, GATEWAY.fingerprint(), 5_000), wire[1]);
        ExecutionException refused = assertThrows(ExecutionException.class, () -> server.get(20, TimeUnit.SECONDS));
        assertTrue(String.valueOf(refused.getCause().getCause()).contains("fingerprint")
                || String.valueOf(refused.getCause()).contains("bad_certificate"), refused.getCause().toString());
        assertThrows(ExecutionException.class, () -> client.get(20, TimeUnit.SECONDS));
    }

    @Test
    void theClientRefusesAServerWhoseCertificateIsNotTheAdvertisedOne() {
        PacketQueueTransport[] wire = pair();
        var server = run(new DtlsSrtpHandshake(DtlsRole.SERVER, IMPOSTOR, BROWSER.fingerprint(), 5_000), wire[0]);
        var client = run(new DtlsSrtpHandshake(DtlsRole.CLIENT, BROWSER, GATEWAY.fingerprint(), 5_000), wire[1]);
        assertThrows(ExecutionException.class, () -> client.get(20, TimeUnit.SECONDS));
        assertThrows(ExecutionException.class, () -> server.get(20, TimeUnit.SECONDS));
    }

    @Test
    void fingerprintAttributeRoundTripsAndRefusesOtherHashes() {
        DtlsFingerprint ours = GATEWAY.fingerprint();
        assertEquals(ours, DtlsFingerprint.parse(ours.attributeValue()));
        assertEquals(ours, DtlsFingerprint.parse(ours.attributeValue().toLowerCase()));
        assertTrue(ours.matches(GATEWAY.certificate()));
        assertTrue(!ours.matches(BROWSER.certificate()));
        var sha1 = assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse("sha-1 AB:CD"));
        assertTrue(sha1.getMessage().contains("only sha-256"), sha1.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse("sha-256 AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse("sha-256 "
                + "ZZ:".repeat(31) + "ZZ"));
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse(""));
    }
}
