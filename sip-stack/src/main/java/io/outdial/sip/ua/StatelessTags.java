package io.outdial.sip.ua;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * To tags for stateless responses (RFC 3261 8.2.7: the same request must get the same tag): a keyed hash of the
 * request's Call-ID, From tag and top Via branch, with a key drawn at start-up so that tags cannot be predicted.
 */
final class StatelessTags {
    private static final byte[] KEY = new byte[16];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private StatelessTags() {
    }

    static String of(Request request) {
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String material = (callId == null ? "" : callId.getCallId()) + "\n" + (from == null ? "" : from.getTag())
                + "\n" + (via == null ? "" : via.getBranch());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(KEY);
            byte[] digest = sha.digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
