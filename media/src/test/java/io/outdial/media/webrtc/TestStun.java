package io.outdial.media.webrtc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds STUN binding requests byte by byte for tests, as a browser would, independently of {@link StunMessage}. */
final class TestStun {
    private String username;
    private String password;
    private boolean useCandidate;
    private boolean fingerprint = true;
    private final byte[] transaction = new byte[12];

    static TestStun request(String username, String password) {
        TestStun t = new TestStun();
        t.username = username;
        t.password = password;
        for (int i = 0; i < 12; i++) {
            t.transaction[i] = (byte) (i * 7 + 1);
        }
        return t;
    }

    TestStun nominate() {
        useCandidate = true;
        return this;
    }

    TestStun withoutFingerprint() {
        fingerprint = false;
        return this;
    }

    byte[] transactionId() {
        return transaction.clone();
    }

    byte[] build() {
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        attribute(attributes, 0x0006, user);
        attribute(attributes, 0x0024, new byte[] {0x6e, 0, 0x1e, (byte) 0xff}); // PRIORITY
        attribute(attributes, 0x802A, new byte[8]); // ICE-CONTROLLING with a tie-breaker
        if (useCandidate) {
            attribute(attributes, 0x0025, new byte[0]);
        }
        byte[] body = attributes.toByteArray();
        byte[] signed = message(body, body.length + 24);
        byte[] mac = hmac(signed);
        ByteArrayOutputStream withMac = new ByteArrayOutputStream();
        withMac.writeBytes(body);
        attribute(withMac, 0x0008, mac);
        body = withMac.toByteArray();
        if (!fingerprint) {
            return message(body, body.length);
        }
        byte[] beforeFingerprint = message(body, body.length + 8);
        CRC32 crc = new CRC32();
        crc.update(beforeFingerprint);
        int value = (int) crc.getValue() ^ 0x5354554e;
        ByteArrayOutputStream withFingerprint = new ByteArrayOutputStream();
        withFingerprint.writeBytes(body);
        attribute(withFingerprint, 0x8028, ByteBuffer.allocate(4).putInt(value).array());
        body = withFingerprint.toByteArray();
        return message(body, body.length);
    }

    private byte[] message(byte[] body, int declaredLength) {
        ByteBuffer b = ByteBuffer.allocate(20 + body.length);
        b.putShort((short) 0x0001).putShort((short) declaredLength).putInt(0x2112A442).put(transaction).put(body);
        return b.array();
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void attribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type >>> 8);
        out.write(type);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
        for (int i = value.length; i % 4 != 0; i++) {
            out.write(0);
        }
    }
}
