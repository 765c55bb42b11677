package io.outdial.media;

/** The audio codecs the gateway speaks on RTP: G.711 mu-law and A-law, 8 kHz, 20 ms frames. */
public enum Codec {
    PCMU(0, "PCMU"),
    PCMA(8, "PCMA");

    public static final int CLOCK_RATE = 8000;
    public static final int SAMPLES_PER_FRAME = 160;

    private final int staticPayloadType;
    private final String encodingName;

    Codec(int staticPayloadType, String encodingName) {
        this.staticPayloadType = staticPayloadType;
        this.encodingName = encodingName;
    }

    public int staticPayloadType() {
        return staticPayloadType;
    }

    /** The name used in an SDP rtpmap line. */
    public String encodingName() {
        return encodingName;
    }

    public static Codec byEncodingName(String name) {
        for (Codec c : values()) {
            if (c.encodingName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
