package io.outdial.sip.ua;

import java.nio.charset.StandardCharsets;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

/** Finds the SDP body of a SIP message. */
final class SdpBodies {
    private SdpBodies() {
    }

    /** The message's application/sdp body as text, or null if it has none. */
    static String of(Message message) {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        byte[] raw = message.getRawContent();
        if (type == null || raw == null || raw.length == 0) {
            return null;
        }
        if (!"application".equalsIgnoreCase(type.getContentType()) || !"sdp".equalsIgnoreCase(type.getContentSubType())) {
            return null;
        }
        return new String(raw, StandardCharsets.UTF_8);
    }
}
