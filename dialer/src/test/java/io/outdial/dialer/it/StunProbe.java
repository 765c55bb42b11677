package io.outdial.dialer.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stranger on this machine that sends STUN binding requests to a browser leg's media port, built byte by byte from
 * RFC 5389 and RFC 8445 (USERNAME, PRIORITY, ICE-CONTROLLING, MESSAGE-INTEGRITY as HMAC-SHA1 under a short-term
 * password, FINGERPRINT), independently of the gateway's own STUN code.
 */
final class StunProbe implements AutoCloseable {
    private static final int MAGIC_COOKIE = 0x2112A442;
    private final DatagramSocket socket;
    private final InetSocketAddress target;

    StunProbe(InetSocketAddress target) throws IOException {
        this.target = target;
        // on loopback when the leg is; else from whichever local address the route to it takes
        this.socket = target.getAddress().isLoopbackAddress()
                ? new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                : new DatagramSocket(0);
    }

    /**
     * Sends a binding request with {@code username}, signed under {@code password} (no MESSAGE-INTEGRITY when null);
     * returns its transaction id.
     */
    byte[] send(String username, String password) throws IOException {
        byte[] transaction = new byte[12];
        ThreadLocalRandom.current().nextBytes(transaction);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        attribute(body, 0x0006, username.getBytes(StandardCharsets.UTF_8));
        attribute(body, 0x0024, ByteBuffer.allocate(4).putInt(0x6e001eff).array()); // PRIORITY
        attribute(body, 0x802A, new byte[8]); // ICE-CONTROLLING, tie-breaker 0
        if (password != null) {
            // the HMAC covers the header (its length counting MESSAGE-INTEGRITY) and the attributes before it
            byte[] signed = message(transaction, body.toByteArray(), body.size() + 24);
            attribute(body, 0x0008, hmac(password, signed));
        }
        byte[] beforeFingerprint = message(transaction, body.toByteArray(), body.size() + 8);
        CRC32 crc = new CRC32();
        crc.update(beforeFingerprint);
        attribute(body, 0x8028, ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ 0x5354554e).array());
        byte[] datagram = message(transaction, body.toByteArray(), body.size());
        socket.send(new DatagramPacket(datagram, datagram.length, target));
        return transaction;
    }

    /**
     * Waits at most {@code limit} for the next datagram; true when it is a binding success response to
     * {@code transaction}.
     */
    boolean answered(byte[] transaction, Duration limit) throws IOException {
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) limit.toMillis());
        socket.receive(packet);
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, packet.getLength());
        return packet.getLength() >= 20 && b.getShort(0) == 0x0101 && b.getInt(4) == MAGIC_COOKIE
                && Arrays.equals(Arrays.copyOfRange(buffer, 8, 20), transaction);
    }

    private static byte[] message(byte[] transaction, byte[] body, int declaredLength) {
        return ByteBuffer.allocate(20 + body.length).putShort((short) 0x0001).putShort((short) declaredLength)
                .putInt(MAGIC_COOKIE).put(transaction).put(body).array();
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type >> 8);
        out.write(type);
        out.write(value.length >> 8);
        out.write(value.length);
        out.writeBytes(value);
        for (int pad = value.length; pad % 4 != 0; pad++) {
            out.write(0);
        }
    }

    private static byte[] hmac(String password, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
