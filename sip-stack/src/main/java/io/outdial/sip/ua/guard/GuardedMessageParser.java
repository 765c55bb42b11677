package io.outdial.sip.ua.guard;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import io.outdial.sip.SipTraffic;
import io.outdial.sip.ua.logging.Refusal;
import io.outdial.sip.ua.logging.RefusalSummary;
import java.text.ParseException;

/**
 * JAIN-SIP's parser with two checks around it, for messages from the network (those parsed with a listener; the
 * stack re-parsing its own messages passes none and is not checked):
 * <ul>
 *   <li>any parse failure, or a runtime exception inside the parser, becomes a {@link ParseException} whose
 *       message is a plain reason such as "Malformed Via header": the stack puts that message into its automatic
 *       400 (UDP) as "400 Bad Request (reason)", where the parser's own messages showed Java object ids;</li>
 *   <li>a message lacking Via, From, To, Call-ID or CSeq, or whose CSeq names another method, is refused the same
 *       way: the stack's code after the parser reads those headers unchecked (the NullPointerException floods);</li>
 *   <li>so is a message carrying Call-ID, CSeq, From, To, Max-Forwards or Content-Length twice, of which the
 *       parser would silently keep one (RFC 4475 multi01, mcl01).</li>
 * </ul>
 * Each refusal is counted (dropped messages in {@link SipTraffic}, reasons in {@link RefusalSummary}).
 */
final class GuardedMessageParser implements MessageParser {
    private final MessageParser delegate;
    private final SipTraffic traffic;

    GuardedMessageParser(MessageParser delegate, SipTraffic traffic) {
        this.delegate = delegate;
        this.traffic = traffic;
    }

    @Override
    public SIPMessage parseSIPMessage(byte[] msgBuffer, boolean readBody, boolean strict,
                                      ParseExceptionListener listener) throws ParseException {
        if (listener == null) {
            return delegate.parseSIPMessage(msgBuffer, readBody, strict, null);
        }
        String duplicated = MandatoryHeaders.duplicated(msgBuffer);
        if (duplicated != null) {
            throw refuse(Refusal.MALFORMED, duplicated, null);
        }
        FailedHeader failed = new FailedHeader(listener);
        SIPMessage message;
        try {
            message = delegate.parseSIPMessage(msgBuffer, readBody, strict, failed);
        } catch (ParseException e) {
            throw refuse(Refusal.MALFORMED, MandatoryHeaders.malformed(failed.headerClass, failed.header), e);
        } catch (RuntimeException e) {
            throw refuse(Refusal.MALFORMED, "Malformed message", e);
        }
        if (message == null) {
            return null; // a keep-alive (CRLF): the stack handles it
        }
        String missing = MandatoryHeaders.missing(message);
        if (missing != null) {
            throw refuse(Refusal.MISSING_HEADER, missing, null);
        }
        if (InputNote.otherVersion(msgBuffer)) {
            message.setApplicationData(InputNote.UNSUPPORTED_VERSION);
        }
        return message;
    }

    private ParseException refuse(Refusal reason, String phrase, Exception cause) {
        if (traffic != null) {
            traffic.dropped(reason == Refusal.MALFORMED ? SipTraffic.Drop.MALFORMED : SipTraffic.Drop.MISSING_HEADER);
        }
        RefusalSummary.report(reason, cause == null ? phrase : phrase + ": " + cause);
        ParseException plain = new ParseException(phrase, 0);
        if (cause != null) {
            plain.initCause(cause);
        }
        return plain;
    }

    /** Remembers which header the parser choked on, then lets the stack's own listener decide. */
    private static final class FailedHeader implements ParseExceptionListener {
        private final ParseExceptionListener channel;
        private Class<?> headerClass;
        private String header;

        FailedHeader(ParseExceptionListener channel) {
            this.channel = channel;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void handleException(ParseException ex, SIPMessage sipMessage, Class headerClass, String headerText,
                                    String messageText) throws ParseException {
            this.headerClass = headerClass;
            this.header = headerText;
            channel.handleException(ex, sipMessage, headerClass, headerText, messageText);
        }
    }
}
