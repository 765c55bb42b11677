package io.outdial.media.webrtc;

import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A STUN binding request as ICE sends it (RFC 8489, RFC 8445 7.1), parsed from hostile bytes, and the success
 * response an ICE-lite agent gives. Only what ICE needs is read: USERNAME, MESSAGE-INTEGRITY (HMAC-SHA1 under the
 * short-term password, checked in constant time), FINGERPRINT, USE-CANDIDATE and the role attributes. Anything
 * malformed yields {@link Optional#empty()} from {@link #parseRequest}; nothing here throws on network input.
 */
public final class StunMessage {
    static final int HEADER = 20;
    static final int MAGIC_COOKIE = 0x2112A442;
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int ATTR_USERNAME = 0x0006;
    static final int ATTR_MESSAGE_INTEGRITY = 0x0008;
    static final int ATTR_XOR_MAPPED_ADDRESS = 0x0020;
    static final int ATTR_PRIORITY = 0x0024;
    static final int ATTR_USE_CANDIDATE = 0x0025;
    static final int ATTR_FINGERPRINT = 0x8028;
    static final int ATTR_ICE_CONTROLLED = 0x8029;
    static final int ATTR_ICE_CONTROLLING = 0x802A;
    private static final int FINGERPRINT_XOR = 0x5354554e;
    private static final int INTEGRITY_LENGTH = 20;
    /** Longer than any binding request a browser sends; anything larger is refused unread. */
    static final int MAX_LENGTH = 548;

    private final byte[] transactionId;
    private final String username;
    private final boolean useCandidate;
    private final boolean controlling;
    private final byte[] raw;
    private final int integrityOffset;

    private StunMessage(byte[] transactionId, String username, boolean useCandidate, boolean controlling,
                        byte[] raw, int integrityOffset) {
        this.transactionId = transactionId;
        this.username = username;
        this.useCandidate = useCandidate;
        this.controlling = controlling;
        this.raw = raw;
        this.integrityOffset = integrityOffset;
    }

    /** Whether {@code first} (a datagram's first byte) is STUN's range in RFC 7983's demultiplexing. */
    public static boolean isStun(int first) {
        return first >= 0 && first <= 3;
    }

    /**
     * Reads a binding request: the header with the magic cookie, a length that matches the datagram, well-formed
     * attributes, a USERNAME and a MESSAGE-INTEGRITY, and, if present, a FINGERPRINT that matches. Integrity is
     * checked separately ({@link #integrityMatches}) since it needs the password.
     */
    public static Optional<StunMessage> parseRequest(byte[] datagram, int length) {
        if (datagram == null || length < HEADER || length > MAX_LENGTH || length > datagram.length) {
            return Optional.empty();
        }
        int type = u16(datagram, 0);
        int bodyLength = u16(datagram, 2);
        if (type != BINDING_REQUEST || s32(datagram, 4) != MAGIC_COOKIE || bodyLength % 4 != 0
                || HEADER + bodyLength != length) {
            return Optional.empty();
        }
        byte[] raw = java.util.Arrays.copyOf(datagram, length);
        String username = null;
        boolean useCandidate = false;
        boolean controlling = false;
        int integrityOffset = -1;
        int offset = HEADER;
        while (offset + 4 <= length) {
            int attribute = u16(raw, offset);
            int valueLength = u16(raw, offset + 2);
            int value = offset + 4;
            int padded = (valueLength + 3) & ~3;
            if (value + padded > length) {
                return Optional.empty();
            }
            if (integrityOffset >= 0 && attribute != ATTR_FINGERPRINT) {
                return Optional.empty(); // only FINGERPRINT may follow MESSAGE-INTEGRITY
            }
            switch (attribute) {
                case ATTR_USERNAME -> {
                    if (valueLength == 0 || valueLength > 513) {
                        return Optional.empty();
                    }
                    username = new String(raw, value, valueLength, StandardCharsets.UTF_8);
                }
                case ATTR_MESSAGE_INTEGRITY -> {
                    if (valueLength != INTEGRITY_LENGTH) {
                        return Optional.empty();
                    }
                    integrityOffset = offset;
                }
                case ATTR_FINGERPRINT -> {
                    if (valueLength != 4 || value + 4 != length || s32(raw, value) != fingerprint(raw, offset)) {
                        return Optional.empty();
                    }
                }
                case ATTR_USE_CANDIDATE -> useCandidate = true;
                case ATTR_ICE_CONTROLLING -> controlling = true;
                default -> {
                    // PRIORITY, ICE-CONTROLLED, network cost and unknown attributes: nothing an ICE-lite agent needs
                }
            }
            offset = value + padded;
        }
        if (offset != length || username == null || integrityOffset < 0) {
            return Optional.empty();
        }
        return Optional.of(new StunMessage(java.util.Arrays.copyOfRange(raw, 8, HEADER), username, useCandidate,
                controlling, raw, integrityOffset));
    }

    /** The USERNAME: "our ufrag:their ufrag" on a check the browser sends us. */
    public String username() {
        return username;
    }

    /** Whether the controlling agent nominates this pair (RFC 8445 7.1.2). */
    public boolean useCandidate() {
        return useCandidate;
    }

    /** Whether the sender says it is the controlling agent. */
    public boolean controlling() {
        return controlling;
    }

    /** Whether MESSAGE-INTEGRITY is the HMAC-SHA1 of the message under {@code password} (RFC 8489 14.5). */
    public boolean integrityMatches(String password) {
        byte[] expected = integrity(raw, integrityOffset, password);
        return MessageDigest.isEqual(expected,
                java.util.Arrays.copyOfRange(raw, integrityOffset + 4, integrityOffset + 4 + INTEGRITY_LENGTH));
    }

    /**
     * The binding success response to this request, telling the sender the address it was seen at
     * (XOR-MAPPED-ADDRESS), signed with {@code password} (ours) and fingerprinted.
     */
    public byte[] successResponse(InetSocketAddress mapped, String password) {
        InetAddress address = mapped.getAddress();
        byte[] ip = address.getAddress();
        int addressAttribute = 4 + 4 + ip.length;
        int length = HEADER + addressAttribute + (4 + INTEGRITY_LENGTH) + (4 + 4);
        byte[] out = new byte[length];
        put16(out, 0, BINDING_SUCCESS);
        put32(out, 4, MAGIC_COOKIE);
        System.arraycopy(transactionId, 0, out, 8, transactionId.length);
        int offset = HEADER;
        put16(out, offset, ATTR_XOR_MAPPED_ADDRESS);
        put16(out, offset + 2, 4 + ip.length);
        out[offset + 5] = (byte) (ip.length == 4 ? 0x01 : 0x02);
        put16(out, offset + 6, mapped.getPort() ^ (MAGIC_COOKIE >>> 16));
        for (int i = 0; i < ip.length; i++) {
            // the cookie, then (IPv6) the transaction id: bytes 4..19 of the header
            ip[i] ^= out[4 + i];
        }
        System.arraycopy(ip, 0, out, offset + 8, ip.length);
        offset += addressAttribute;
        put16(out, offset, ATTR_MESSAGE_INTEGRITY);
        put16(out, offset + 2, INTEGRITY_LENGTH);
        System.arraycopy(integrity(out, offset, password), 0, out, offset + 4, INTEGRITY_LENGTH);
        int fingerprintOffset = offset + 4 + INTEGRITY_LENGTH;
        put16(out, fingerprintOffset, ATTR_FINGERPRINT);
        put16(out, fingerprintOffset + 2, 4);
        put16(out, 2, length - HEADER);
        put32(out, fingerprintOffset + 4, fingerprint(out, fingerprintOffset));
        return out;
    }

    /** HMAC-SHA1 over the message up to {@code integrityOffset}, its length field counting the integrity. */
    private static byte[] integrity(byte[] message, int integrityOffset, String password) {
        byte[] copy = java.util.Arrays.copyOf(message, integrityOffset);
        put16(copy, 2, integrityOffset - HEADER + 4 + INTEGRITY_LENGTH);
        HMac mac = new HMac(new SHA1Digest());
        mac.init(new KeyParameter(password.getBytes(StandardCharsets.UTF_8)));
        mac.update(copy, 0, copy.length);
        byte[] out = new byte[INTEGRITY_LENGTH];
        mac.doFinal(out, 0);
        return out;
    }

    /** CRC-32 of the message up to {@code fingerprintOffset}, its length field counting the fingerprint, XORed. */
    private static int fingerprint(byte[] message, int fingerprintOffset) {
        byte[] copy = java.util.Arrays.copyOf(message, fingerprintOffset);
        put16(copy, 2, fingerprintOffset - HEADER + 8);
        CRC32 crc = new CRC32();
        crc.update(copy, 0, copy.length);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static int s32(byte[] b, int i) {
        return (u16(b, i) << 16) | u16(b, i + 2);
    }

    private static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    private static void put32(byte[] b, int i, int v) {
        put16(b, i, v >>> 16);
        put16(b, i + 2, v);
    }
}
