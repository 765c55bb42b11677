package io.outdial.media.srtp;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * SRTCP packets for tests, built independently of {@link SrtcpReceiver}: BouncyCastle's AES counter-mode cipher and
 * HMAC-SHA1 driven directly as RFC 3711 3.4 lays the packet out (AES_CM_128_HMAC_SHA1_80). Only the key derivation
 * is shared, itself checked against RFC 3711 B.3.
 */
public final class TestSrtcp {
    private TestSrtcp() {
    }

    /** RFC 3711 3.4 built by hand: E flag and index, AES-CM over the part after the first 8 bytes, the 80-bit tag. */
    public static byte[] protect(byte[] material, byte[] plain, long index, boolean encrypt) {
        BlockCipher kdf = AESEngine.newInstance();
        kdf.init(true, new KeyParameter(java.util.Arrays.copyOf(material, 16)));
        byte[] salt = java.util.Arrays.copyOfRange(material, 16, 30);
        byte[] key = SessionCipher.derive(kdf, salt, (byte) 3, 16);
        byte[] auth = SessionCipher.derive(kdf, salt, (byte) 4, 20);
        byte[] sessionSalt = SessionCipher.derive(kdf, salt, (byte) 5, 14);
        byte[] out = new byte[plain.length + 4 + 10];
        System.arraycopy(plain, 0, out, 0, plain.length);
        if (encrypt) {
            byte[] iv = new byte[16];
            System.arraycopy(sessionSalt, 0, iv, 0, 14);
            for (int i = 0; i < 4; i++) {
                iv[4 + i] ^= plain[4 + i]; // the sender's SSRC * 2^64
            }
            for (int i = 0; i < 4; i++) {
                iv[10 + i] ^= (byte) (index >>> (24 - 8 * i)); // the index * 2^16
            }
            SICBlockCipher ctr = new SICBlockCipher(AESEngine.newInstance());
            ctr.init(true, new ParametersWithIV(new KeyParameter(key), iv));
            ctr.processBytes(plain, 8, plain.length - 8, out, 8);
        }
        int word = (int) index | (encrypt ? 0x8000_0000 : 0);
        for (int i = 0; i < 4; i++) {
            out[plain.length + i] = (byte) (word >>> (24 - 8 * i));
        }
        HMac hmac = new HMac(new SHA1Digest());
        hmac.init(new KeyParameter(auth));
        hmac.update(out, 0, plain.length + 4);
        byte[] mac = new byte[20];
        hmac.doFinal(mac, 0);
        System.arraycopy(mac, 0, out, plain.length + 4, 10);
        return out;
    }
}
