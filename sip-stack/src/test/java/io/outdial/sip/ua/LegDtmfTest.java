package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class LegDtmfTest {

    @Test
    void aDtmfRelayBodyNamesTheKeyAndItsDurationInMilliseconds() {
        assertEquals("Signal=5\r\nDuration=160\r\n", LegDtmf.dtmfRelay('5', 160));
        assertEquals("Signal=#\r\nDuration=2000\r\n", LegDtmf.dtmfRelay('#', 2000));
    }

    @Test
    void telephoneEventInTheAnswerChoosesRtpEventsElseInfo() {
        InetSocketAddress far = new InetSocketAddress("127.0.0.1", 40000);
        assertEquals(LegDtmf.Method.RFC4733, LegDtmf.methodFor(new RtpPeer(far, Codec.PCMU, 0, 96)));
        assertEquals(LegDtmf.Method.SIP_INFO, LegDtmf.methodFor(new RtpPeer(far, Codec.PCMU, 0, -1)));
        assertEquals(LegDtmf.Method.SIP_INFO, LegDtmf.methodFor(null));
    }
}
