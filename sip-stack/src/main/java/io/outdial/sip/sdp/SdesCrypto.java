package io.outdial.sip.sdp;

import io.outdial.media.srtp.SrtpSuite;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SDP {@code a=crypto} line (RFC 4568 9.1) of the kind we speak: a tag, a suite of {@link SrtpSuite}, one
 * inline master key and salt, and an optional lifetime (we never rekey, so it is only checked). MKIs and session
 * parameters are refused, as they change the packet format or the key derivation we implement.
 *
 * @param tag      the line's tag (1..999999999), which the answer repeats
 * @param suite    the crypto suite
 * @param material master key then master salt, 30 bytes
 */
public record SdesCrypto(int tag, SrtpSuite suite, byte[] material) {
    private static final int MATERIAL = SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH;
    // crypto:<tag> <suite> inline:<base64 key||salt>[|<lifetime>][|<mki>:<length>] [session params]
    private static final Pattern LINE = Pattern.compile(
            "crypto:(\\d{1,9}) ([A-Za-z0-9_]+) inline:([A-Za-z0-9+/=]+)((?:\\|[^|\\s;]*)*)(?: (.*))?");
    private static final Pattern LIFETIME = Pattern.compile("(?:2\\^)?\\d{1,20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public SdesCrypto {
        if (tag < 1) {
            throw new IllegalArgumentException("crypto tag must be positive");
        }
        if (material == null || material.length != MATERIAL) {
            throw new IllegalArgumentException("SRTP key material must be " + MATERIAL + " bytes");
        }
        material = material.clone();
    }

    /** A line with a fresh random key and salt. */
    public static SdesCrypto fresh(int tag, SrtpSuite suite) {
        byte[] material = new byte[MATERIAL];
        RANDOM.nextBytes(material);
        return new SdesCrypto(tag, suite, material);
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    /** The attribute value, {@code crypto:<tag> <suite> inline:<key||salt>}. */
    public String toAttribute() {
        return "crypto:" + tag + " " + suite.wireName() + " inline:" + Base64.getEncoder().encodeToString(material);
    }

    /**
     * Reads one {@code a=crypto} attribute value (without {@code a=}).
     *
     * @throws SdpException naming what is wrong: syntax, a suite we do not speak, a key of the wrong size, an MKI
     *                      or session parameters
     */
    public static SdesCrypto parse(String attribute) throws SdpException {
        Matcher m = LINE.matcher(attribute.trim());
        if (!m.matches()) {
            throw new SdpException("bad a=crypto line '" + shorten(attribute) + "'");
        }
        SrtpSuite suite = SrtpSuite.fromWire(m.group(2)).orElseThrow(() -> new SdpException(
                "a=crypto suite " + m.group(2) + " is not one we speak (AES_CM_128_HMAC_SHA1_80 or _32)"));
        byte[] material;
        try {
            material = Base64.getDecoder().decode(m.group(3));
        } catch (IllegalArgumentException e) {
            throw new SdpException("a=crypto key is not valid base64");
        }
        if (material.length != MATERIAL) {
            throw new SdpException("a=crypto key and salt must be " + MATERIAL + " bytes for " + suite + ", got "
                    + material.length);
        }
        String[] extras = m.group(4).isEmpty() ? new String[0] : m.group(4).substring(1).split("\\|", -1);
        for (String extra : extras) {
            if (extra.contains(":")) {
                throw new SdpException("a=crypto with an MKI is not supported");
            }
            if (!LIFETIME.matcher(extra).matches()) {
                throw new SdpException("bad a=crypto key lifetime '" + shorten(extra) + "'");
            }
        }
        if (m.group(5) != null && !m.group(5).isBlank()) {
            throw new SdpException("a=crypto session parameters are not supported: " + shorten(m.group(5)));
        }
        return new SdesCrypto(Integer.parseInt(m.group(1)), suite, material);
    }

    private static String shorten(String s) {
        // Never echo a whole line: it carries a key.
        String t = s.trim();
        int inline = t.indexOf("inline:");
        if (inline >= 0) {
            t = t.substring(0, inline + "inline:".length()) + "...";
        }
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdesCrypto c && c.tag == tag && c.suite == suite && Arrays.equals(c.material, material);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * tag + suite.hashCode()) + Arrays.hashCode(material);
    }

    /** Keeps the key out of logs. */
    @Override
    public String toString() {
        return "SdesCrypto[" + tag + " " + suite + "]";
    }
}
