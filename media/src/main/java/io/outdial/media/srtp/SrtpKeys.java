package io.outdial.media.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The SDES keys of one SRTP stream pair: our master key and salt (what we send with, offered in our a=crypto) and
 * the far end's (what it sends with, from its a=crypto), for one suite.
 */
public final class SrtpKeys {
    private static final int MATERIAL = SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH;

    private final SrtpSuite suite;
    private final byte[] local;
    private final byte[] remote;

    /**
     * @param local  our master key followed by our master salt (30 bytes)
     * @param remote the far end's master key and salt (30 bytes)
     */
    public SrtpKeys(SrtpSuite suite, byte[] local, byte[] remote) {
        this.suite = Objects.requireNonNull(suite, "suite");
        this.local = check(local, "local");
        this.remote = check(remote, "remote");
    }

    private static byte[] check(byte[] material, String which) {
        if (material == null || material.length != MATERIAL) {
            throw new IllegalArgumentException(which + " SRTP key material must be " + MATERIAL + " bytes");
        }
        return material.clone();
    }

    public SrtpSuite suite() {
        return suite;
    }

    /** A transform protecting what we send. */
    public SrtpSender sender() {
        return new SrtpSender(suite, local);
    }

    /** A transform checking and decrypting what the far end sends. */
    public SrtpReceiver receiver() {
        return new SrtpReceiver(suite, remote);
    }

    /**
     * A transform checking and decrypting the far end's SRTCP (RFC 3711 3.4), keyed from the same master key and
     * salt. Its tag is 80 bits with either suite (RFC 4568 6.2: the _32 suites shorten only SRTP's tag).
     */
    public SrtcpReceiver rtcpReceiver() {
        return new SrtcpReceiver(remote, SrtpSuite.AES_CM_128_HMAC_SHA1_80.tagLength());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeys k && k.suite == suite && Arrays.equals(k.local, local)
                && Arrays.equals(k.remote, remote);
    }

    @Override
    public int hashCode() {
        return Objects.hash(suite, Arrays.hashCode(local), Arrays.hashCode(remote));
    }

    /** Keeps the keys out of logs. */
    @Override
    public String toString() {
        return "SrtpKeys[" + suite + "]";
    }
}
