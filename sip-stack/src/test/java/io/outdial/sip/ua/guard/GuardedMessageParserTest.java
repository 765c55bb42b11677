package io.outdial.sip.ua.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.outdial.sip.SipTraffic;
import io.outdial.sip.ua.logging.Slf4jStackLogger;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardedMessageParserTest {
    static {
        // As JainSipUserAgent does: the RI's parser logs through log4j 1 until a stack logger is installed.
        if (CommonLogger.legacyLogger == null) {
            CommonLogger.legacyLogger = new Slf4jStackLogger();
        }
    }

    private static final String OPTIONS = "OPTIONS sip:gw@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-1\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:probe@127.0.0.1>;tag=a\r\n"
            + "To: <sip:gw@127.0.0.1>\r\n"
            + "Call-ID: c1@127.0.0.1\r\n"
            + "CSeq: 1 OPTIONS\r\n"
            + "Content-Length: 0\r\n\r\n";

    private final SipTraffic traffic = new SipTraffic();
    private final GuardedMessageParser parser = new GuardedMessageParser(new StringMsgParser(), traffic);

    /** What the stack's UDP and TCP channels do: a bad mandatory header fails the message, any other is kept raw. */
    private static final ParseExceptionListener CHANNEL = new ParseExceptionListener() {
        private final Set<Class<?>> mandatory = Set.of(From.class, To.class, CSeq.class, Via.class, CallID.class,
                ContentLength.class, RequestLine.class, StatusLine.class);

        @Override
        @SuppressWarnings("rawtypes")
        public void handleException(ParseException ex, SIPMessage message, Class headerClass, String header,
                                    String text) throws ParseException {
            if (headerClass != null && mandatory.contains(headerClass)) {
                throw ex;
            }
            message.addUnparsed(header);
        }
    };

    private SIPMessage parse(String text) throws ParseException {
        return parser.parseSIPMessage(text.getBytes(StandardCharsets.ISO_8859_1), true, false, CHANNEL);
    }

    @Test
    void aValidRequestPassesUnchanged() throws Exception {
        SIPMessage message = parse(OPTIONS);
        assertNotNull(message);
        assertEquals("c1@127.0.0.1", message.getCallId().getCallId());
        assertEquals(0, traffic.drops(SipTraffic.Drop.MALFORMED) + traffic.drops(SipTraffic.Drop.MISSING_HEADER));
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"CSeq: 1 OPTIONS, Missing CSeq header", "Call-ID: c1@127.0.0.1, Missing Call-ID header",
            "'From: <sip:probe@127.0.0.1>;tag=a', Missing From header", "To: <sip:gw@127.0.0.1>, Missing To header",
            "Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-1, Missing Via header"})
    void aMissingMandatoryHeaderIsRefusedWithAPlainReason(String line, String reason) {
        ParseException e = assertThrows(ParseException.class, () -> parse(OPTIONS.replace(line + "\r\n", "")));
        assertEquals(reason, e.getMessage());
        assertEquals(1, traffic.drops(SipTraffic.Drop.MISSING_HEADER));
    }

    @Test
    void aCSeqNamingAnotherMethodIsRefused() {
        ParseException e = assertThrows(ParseException.class,
                () -> parse(OPTIONS.replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE")));
        assertEquals("CSeq method does not match the request method", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CSeq: 1 OPTIONS|CSeq: one OPTIONS|Malformed CSeq header",
            "Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-1|Via: SIP/2.0/UDP [::1|Malformed Via header",
            "OPTIONS sip:gw@127.0.0.1 SIP/2.0|OPTIONS sip:gw@127.0.0.1 SIP/2.0 extra|Malformed request line",
            "Content-Length: 0|Content-Length: -5|Malformed Content-Length header"})
    void aMalformedMandatoryHeaderGivesAPlainReasonNeverAnObjectId(String from, String to, String reason) {
        ParseException e = assertThrows(ParseException.class, () -> parse(OPTIONS.replace(from, to)));
        assertEquals(reason, e.getMessage());
        assertTrue(e.getMessage().matches("[A-Za-z -]+"), e.getMessage());
        assertEquals(1, traffic.drops(SipTraffic.Drop.MALFORMED));
    }

    @Test
    void aBadOptionalHeaderIsKeptAsTheStackKeepsIt() throws Exception {
        SIPMessage message = parse(OPTIONS.replace("Max-Forwards: 70", "Max-Forwards: seventy"));
        assertNotNull(message);
    }

    @Test
    void garbageIsMalformedAndAKeepAliveIsNoMessage() throws Exception {
        ParseException e = assertThrows(ParseException.class, () -> parse("\u0000\u0001\u00ff garbage\r\n\r\n"));
        assertTrue(e.getMessage().startsWith("Malformed"), e.getMessage());
        assertNull(parse("\r\n\r\n"));
    }

    @Test
    void aResponseWithoutCSeqIsRefusedToo() {
        String response = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-1\r\n"
                + "From: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: x\r\nContent-Length: 0\r\n\r\n";
        assertEquals("Missing CSeq header", assertThrows(ParseException.class, () -> parse(response)).getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {"Call-ID: c1@127.0.0.1|i: other@127.0.0.1|Duplicate Call-ID header",
            "CSeq: 1 OPTIONS|CSeq: 2 OPTIONS|Duplicate CSeq header",
            "To: <sip:gw@127.0.0.1>|t: <sip:x@y>|Duplicate To header",
            "Content-Length: 0|content-length : 5|Duplicate Content-Length header"})
    void aSingleValueHeaderTwiceIsRefusedWhereTheParserWouldKeepOne(String keep, String extra, String reason) {
        String twice = OPTIONS.replace(keep + "\r\n", keep + "\r\n" + extra + "\r\n");
        assertEquals(reason, assertThrows(ParseException.class, () -> parse(twice)).getMessage());
    }

    @Test
    void aFoldedLineOrABodyIsNoSecondHeader() throws Exception {
        String folded = OPTIONS
                .replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\n CSeq: folded, not a header\r\n")
                .replace("Content-Length: 0\r\n\r\n", "Content-Length: 9\r\n\r\nCSeq: 2\r\n");
        assertNotNull(parse(folded));
    }

    @Test
    void anotherSipVersionIsNotedBecauseTheParserRewritesItTo20() throws Exception {
        SIPMessage message = parse(OPTIONS.replace("SIP/2.0\r\nVia", "SIP/7.0\r\nVia"));
        assertEquals("SIP/2.0", ((gov.nist.javax.sip.message.SIPRequest) message).getRequestLine().getSipVersion());
        assertEquals(InputNote.UNSUPPORTED_VERSION, InputNote.of(message));
        assertNull(InputNote.of(parse(OPTIONS)));
    }

    @Test
    void theStackReparsingItsOwnMessagesIsNotChecked() throws Exception {
        byte[] noCseq = OPTIONS.replace("CSeq: 1 OPTIONS\r\n", "").getBytes(StandardCharsets.ISO_8859_1);
        assertNotNull(parser.parseSIPMessage(noCseq, true, false, null));
    }
}
