package io.outdial.media.srtp;

import io.netty.buffer.ByteBuf;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The SRTP or SRTCP session keys of one direction (RFC 3711 4.3, key derivation rate 0) and the two transforms made
 * with them: AES counter mode over the payload (4.1.1) and the HMAC-SHA1 tag (4.2). The primitives are BouncyCastle's;
 * the arrays here are made once, so a packet costs no allocation. Not thread-safe: one per direction, used on the
 * endpoint's event loop.
 */
final class SessionCipher {
    private static final int BLOCK = 16;
    private static final int AUTH_KEY_LENGTH = 20;
    private static final byte LABEL_ENCRYPTION = 0x00;
    private static final byte LABEL_AUTHENTICATION = 0x01;
    private static final byte LABEL_SALT = 0x02;
    /** SRTCP's labels are SRTP's plus three (RFC 3711 4.3.2: 0x03 encryption, 0x04 authentication, 0x05 salt). */
    private static final byte RTCP_LABELS = 0x03;

    private final BlockCipher aes = AESEngine.newInstance();
    private final HMac hmac = new HMac(new SHA1Digest());
    private final byte[] salt = new byte[SrtpSuite.SALT_LENGTH];
    private final byte[] iv = new byte[BLOCK];
    private final byte[] keystream = new byte[BLOCK];
    private final byte[] mac = new byte[AUTH_KEY_LENGTH];
    private final byte[] roc = new byte[4];
    /** Room for one packet's bytes; a larger packet (none on a voice stream) is handled byte by byte. */
    private final byte[] scratch = new byte[1500];

    /** SRTP's session keys. @param material master key (16 bytes) then master salt (14 bytes) */
    SessionCipher(byte[] material) {
        this(material, (byte) 0);
    }

    /** SRTCP's session keys (RFC 3711 3.4), from the same master key and salt as the stream's SRTP. */
    static SessionCipher forRtcp(byte[] material) {
        return new SessionCipher(material, RTCP_LABELS);
    }

    private SessionCipher(byte[] material, byte labels) {
        byte[] masterKey = java.util.Arrays.copyOfRange(material, 0, SrtpSuite.KEY_LENGTH);
        byte[] masterSalt = java.util.Arrays.copyOfRange(material, SrtpSuite.KEY_LENGTH,
                SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH);
        BlockCipher kdf = AESEngine.newInstance();
        kdf.init(true, new KeyParameter(masterKey));
        byte[] encryptionKey = derive(kdf, masterSalt, (byte) (LABEL_ENCRYPTION + labels), SrtpSuite.KEY_LENGTH);
        byte[] authKey = derive(kdf, masterSalt, (byte) (LABEL_AUTHENTICATION + labels), AUTH_KEY_LENGTH);
        System.arraycopy(derive(kdf, masterSalt, (byte) (LABEL_SALT + labels), SrtpSuite.SALT_LENGTH), 0, salt, 0, salt.length);
        aes.init(true, new KeyParameter(encryptionKey));
        hmac.init(new KeyParameter(authKey));
        java.util.Arrays.fill(masterKey, (byte) 0);
        java.util.Arrays.fill(encryptionKey, (byte) 0);
        java.util.Arrays.fill(authKey, (byte) 0);
    }

    /** RFC 3711 4.3.1 with r = 0: AES-CM keystream under the master key, IV = (salt XOR label at byte 7) * 2^16. */
    static byte[] derive(BlockCipher kdf, byte[] masterSalt, byte label, int length) {
        byte[] counter = new byte[BLOCK];
        System.arraycopy(masterSalt, 0, counter, 0, masterSalt.length);
        counter[7] ^= label;
        byte[] out = new byte[(length + BLOCK - 1) / BLOCK * BLOCK];
        for (int j = 0; j * BLOCK < length; j++) {
            counter[14] = (byte) (j >>> 8);
            counter[15] = (byte) j;
            kdf.processBlock(counter, 0, out, j * BLOCK);
        }
        return java.util.Arrays.copyOf(out, length);
    }

    /**
     * XORs the AES-CM keystream of packet {@code index} of stream {@code ssrc} into {@code length} bytes of
     * {@code packet} from {@code offset} (encrypting and decrypting alike). IV = salt * 2^16 XOR SSRC * 2^64 XOR
     * index * 2^16, the low 16 bits counting blocks.
     */
    void crypt(ByteBuf packet, int offset, int length, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, salt.length);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int b = 0; b < 6; b++) {
            iv[8 + b] ^= (byte) (index >>> (40 - 8 * b));
        }
        boolean bulk = length <= scratch.length;
        if (bulk) {
            // one bulk copy each way: a pooled direct buffer has no array to work on in place
            packet.getBytes(offset, scratch, 0, length);
        }
        for (int done = 0, block = 0; done < length; block++) {
            iv[14] = (byte) (block >>> 8);
            iv[15] = (byte) block;
            aes.processBlock(iv, 0, keystream, 0);
            int n = Math.min(BLOCK, length - done);
            for (int i = 0; i < n; i++) {
                if (bulk) {
                    scratch[done + i] ^= keystream[i];
                } else {
                    int at = offset + done + i;
                    packet.setByte(at, packet.getByte(at) ^ keystream[i]);
                }
            }
            done += n;
        }
        if (bulk) {
            packet.setBytes(offset, scratch, 0, length);
        }
    }

    /** HMAC-SHA1 over {@code length} bytes of {@code packet} from {@code offset} then the ROC; the full 20 bytes. */
    byte[] tag(ByteBuf packet, int offset, int length, int rolloverCounter) {
        digest(packet, offset, length);
        roc[0] = (byte) (rolloverCounter >>> 24);
        roc[1] = (byte) (rolloverCounter >>> 16);
        roc[2] = (byte) (rolloverCounter >>> 8);
        roc[3] = (byte) rolloverCounter;
        hmac.update(roc, 0, 4);
        hmac.doFinal(mac, 0);
        return mac;
    }

    /**
     * SRTCP's HMAC-SHA1 (RFC 3711 3.4): over {@code length} bytes of {@code packet} from {@code offset}, which end
     * with the E flag and SRTCP index; nothing appended. The full 20 bytes.
     */
    byte[] tag(ByteBuf packet, int offset, int length) {
        digest(packet, offset, length);
        hmac.doFinal(mac, 0);
        return mac;
    }

    private void digest(ByteBuf packet, int offset, int length) {
        if (packet.hasArray()) {
            hmac.update(packet.array(), packet.arrayOffset() + offset, length);
        } else if (length <= scratch.length) {
            packet.getBytes(offset, scratch, 0, length);
            hmac.update(scratch, 0, length);
        } else {
            for (int i = 0; i < length; i++) {
                hmac.update(packet.getByte(offset + i));
            }
        }
    }

    /** Length of the RTP header (fixed part, CSRCs, extension) at {@code start}, or -1 if it does not fit. */
    static int headerLength(ByteBuf packet, int start, int length) {
        if (length < 12 || packet.getUnsignedByte(start) >> 6 != 2) {
            return -1;
        }
        int first = packet.getUnsignedByte(start);
        int header = 12 + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (header + 4 > length) {
                return -1;
            }
            header += 4 + 4 * packet.getUnsignedShort(start + header + 2);
        }
        return header <= length ? header : -1;
    }
}
