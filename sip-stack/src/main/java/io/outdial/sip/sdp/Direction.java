package io.outdial.sip.sdp;

import java.util.Locale;

/** The media direction attribute of an SDP stream (RFC 4566 section 6). */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The direction named by an attribute such as {@code sendonly}, or null if the attribute is not one. */
    static Direction fromAttribute(String attribute) {
        for (Direction d : values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(attribute)) {
                return d;
            }
        }
        return null;
    }

    /** The direction an answer to an offer of this direction takes (RFC 3264 6.1): sendonly gets recvonly. */
    public Direction answer() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }
}
