package io.outdial.sip.ua.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A traced SIP message never shows an SDES key. */
class Slf4jMessageLoggerTest {
    @Test
    void inlineKeysAreMasked() {
        String sdp = "m=audio 4000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
                + "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^31\r\n";
        assertEquals("m=audio 4000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:***|2^31\r\n",
                Slf4jMessageLogger.withoutKeys(sdp));
        assertEquals("INVITE sip:x@y SIP/2.0", Slf4jMessageLogger.withoutKeys("INVITE sip:x@y SIP/2.0"));
    }
}
