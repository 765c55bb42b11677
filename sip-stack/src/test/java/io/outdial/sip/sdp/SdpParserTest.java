package io.outdial.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    @Test
    void parsesATypicalTrunkAnswerWithSessionLevelConnection() throws SdpException {
        SessionDescription sdp = SdpParser.parse("""
                v=0
                o=- 3456 3457 IN IP4 198.51.100.7
                s=-
                c=IN IP4 198.51.100.7
                t=0 0
                m=audio 40000 RTP/AVP 8 101
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                a=ptime:20
                """.replace("\n", "\r\n"));

        assertEquals("198.51.100.7", sdp.connectionAddress());
        MediaDescription audio = sdp.firstAudio().orElseThrow();
        assertEquals(40000, audio.port());
        assertEquals("RTP/AVP", audio.protocol());
        assertEquals(List.of(8, 101), audio.payloadTypes());
        assertEquals(new RtpMap(101, "telephone-event", 8000), audio.rtpMaps().get(101));
        assertEquals(20, audio.ptime());
        assertEquals(Direction.SENDRECV, audio.direction());
        assertNull(audio.connectionAddress());
    }

    @Test
    void mediaLevelConnectionAndDirectionOverrideTheSessionLevel() throws SdpException {
        SessionDescription sdp = SdpParser.parse("""
                v=0
                o=- 1 1 IN IP4 10.0.0.1
                s=-
                c=IN IP4 10.0.0.1
                t=0 0
                a=sendonly
                m=video 0 RTP/AVP 96
                m=audio 5004/2 RTP/AVP 0
                c=IN IP4 224.2.1.1/127
                a=inactive
                """);

        assertEquals(2, sdp.media().size());
        assertEquals(Direction.SENDONLY, sdp.media().get(0).direction());
        assertTrue(sdp.media().get(0).isRejected());
        MediaDescription audio = sdp.firstAudio().orElseThrow();
        assertEquals(5004, audio.port());
        assertEquals("224.2.1.1", audio.connectionAddress());
        assertEquals(Direction.INACTIVE, audio.direction());
    }

    @Test
    void nonRtpStreamsKeepNoPayloadTypes() throws SdpException {
        SessionDescription sdp = SdpParser.parse("v=0\nm=image 6000 udptl t38\n");
        assertEquals(List.of(), sdp.media().get(0).payloadTypes());
    }

    @Test
    void rejectsBodiesThatAreNotSdp() {
        assertMessage("empty SDP body", "  ");
        assertMessage("must start with v=0", "o=- 1 1 IN IP4 1.2.3.4\nv=0\n");
        assertMessage("line 2 is not of the form x=value", "v=0\nhello world\n");
        assertMessage("line 2: bad connection", "v=0\nc=IN IP4\n");
        assertMessage("line 2: port '4x' is not a number", "v=0\nm=audio 4x RTP/AVP 0\n");
        assertMessage("line 2: payload type 300 outside 0..127", "v=0\nm=audio 4000 RTP/AVP 300\n");
        assertMessage("line 3: bad rtpmap encoding", "v=0\nm=audio 4000 RTP/AVP 0\na=rtpmap:0 PCMU\n");
        assertMessage("line 2: bad media", "v=0\nm=audio 4000\n");
    }

    private static void assertMessage(String expected, String body) {
        SdpException e = assertThrows(SdpException.class, () -> SdpParser.parse(body));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
