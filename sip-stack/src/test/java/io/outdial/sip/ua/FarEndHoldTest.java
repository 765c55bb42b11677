package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.sdp.SdpOffer;
import io.outdial.sip.sdp.SdpParser;
import io.outdial.sip.sdp.SessionDescription;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The far end's hold and retrieve, and the answers they get (RFC 3264 8.4). */
class FarEndHoldTest {
    private final SdpOffer ours = SdpOffer.standard(new InetSocketAddress("127.0.0.1", 20000), "127.0.0.1", 42);
    private final FarEndHold hold = new FarEndHold();

    private static SessionDescription offer(String connection, String direction) throws Exception {
        return SdpParser.parse("v=0\r\no=phone 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 " + connection
                + "\r\nt=0 0\r\nm=audio 16000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
                + (direction == null ? "" : "a=" + direction + "\r\n"));
    }

    @Test
    void sendonlyHoldsAndIsAnsweredRecvonlyWithANewVersionThenSendrecvRetrieves() throws Exception {
        assertTrue(hold.answer(ours).contains("a=sendrecv"));
        assertTrue(hold.offered(offer("127.0.0.1", "sendonly"), ours), "news: held");
        assertTrue(hold.held());
        String answer = hold.answer(ours);
        assertTrue(answer.contains("a=recvonly") && answer.contains("o=outdial 42 2 "), answer);

        assertFalse(hold.offered(offer("127.0.0.1", "sendonly"), ours), "a repeated hold is no news");
        assertTrue(hold.answer(ours).contains("o=outdial 42 2 "), "nothing changed: same version");

        assertTrue(hold.offered(offer("127.0.0.1", null), ours), "news: retrieved");
        assertFalse(hold.held());
        answer = hold.answer(ours);
        assertTrue(answer.contains("a=sendrecv") && answer.contains("o=outdial 42 3 "), answer);
    }

    @Test
    void inactiveAndTheOldZeroAddressHoldToo() throws Exception {
        assertTrue(hold.offered(offer("127.0.0.1", "inactive"), ours));
        assertTrue(hold.answer(ours).contains("a=inactive"));
        FarEndHold old = new FarEndHold();
        assertTrue(old.offered(offer("0.0.0.0", null), ours));
        assertTrue(old.held());
    }
}
