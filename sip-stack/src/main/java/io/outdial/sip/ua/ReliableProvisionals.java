package io.outdial.sip.ua;

import io.outdial.media.RtpPeer;
import io.outdial.sip.ReliableProvisional;
import java.text.ParseException;
import java.util.HashMap;
import java.util.ListIterator;
import java.util.Map;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RSeqHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliable provisional responses (RFC 3262) on one outbound INVITE: what our INVITE says about 100rel, one PRACK
 * per reliable 18x, retransmissions and out-of-order ones dropped, and the SDP answer such a 18x carried (then the 2xx
 * may come without SDP). Runs on the leg's call executor.
 */
final class ReliableProvisionals {
    private static final Logger LOG = LoggerFactory.getLogger(ReliableProvisionals.class);
    static final String OPTION = "100rel";
    /** Early dialogs of one INVITE we keep RSeq for: forks beyond this many are taken as unreliable. */
    private static final int MAX_EARLY_DIALOGS = 16;

    /** What a 18x is to the state machine. */
    enum Verdict {
        /** Not reliable (or 100rel off): handle as any 18x. */
        UNRELIABLE,
        /** The next reliable one of its early dialog: PRACKed, handle it. */
        NEW,
        /** Its RSeq was seen already (our PRACK crossed it, or was lost): drop it, the PRACK's own retransmission
         * answers it. */
        RETRANSMISSION,
        /** Not one above the last RSeq: RFC 3262 says neither PRACK nor process it. */
        OUT_OF_ORDER
    }

    private final ReliableProvisional mode;
    private final LegContext ctx;
    private final Object leg;
    /** The last RSeq handled, per early dialog (the 18x's To tag). */
    private final Map<String, Long> lastRSeq = new HashMap<>();
    private RtpPeer earlyAnswer;

    ReliableProvisionals(ReliableProvisional mode, LegContext ctx, Object leg) {
        this.mode = mode;
        this.ctx = ctx;
        this.leg = leg;
    }

    /** Adds {@code Supported: 100rel} or {@code Require: 100rel} to our INVITE, as the trunk's mode says. */
    static void advertise(ReliableProvisional mode, Request invite, HeaderFactory headers) throws ParseException {
        switch (mode) {
            case SUPPORTED -> invite.addHeader(headers.createSupportedHeader(OPTION));
            case REQUIRE -> {
                invite.addHeader(headers.createSupportedHeader(OPTION));
                invite.addHeader(headers.createRequireHeader(OPTION));
            }
            case OFF -> {
                // nothing said: the far end should send its 18x unreliably
            }
        }
    }

    /** The verdict on a reliable 18x whose early dialog last handled {@code last} (null: none yet). */
    static Verdict order(Long last, long rseq) {
        if (last == null || rseq == last + 1) {
            return Verdict.NEW;
        }
        return rseq <= last ? Verdict.RETRANSMISSION : Verdict.OUT_OF_ORDER;
    }

    /** Classifies a 18x and, if it is the next reliable one, sends its PRACK on {@code dialog}. */
    Verdict onProvisional(Response response, Dialog dialog) {
        if (mode == ReliableProvisional.OFF || !requires100rel(response)
                || !(response.getHeader(RSeqHeader.NAME) instanceof RSeqHeader rseq)) {
            return Verdict.UNRELIABLE;
        }
        String tag = response.getHeader(ToHeader.NAME) instanceof ToHeader to ? to.getTag() : null;
        if (tag == null || !lastRSeq.containsKey(tag) && lastRSeq.size() >= MAX_EARLY_DIALOGS) {
            // RFC 3262 asks for a To tag on a reliable 18x; without one there is no early dialog to PRACK in.
            LOG.info("{}: reliable {} without an early dialog to PRACK in, handled as unreliable", leg,
                    response.getStatusCode());
            return Verdict.UNRELIABLE;
        }
        Verdict verdict = order(lastRSeq.get(tag), Integer.toUnsignedLong(rseq.getSequenceNumber()));
        if (verdict == Verdict.NEW) {
            lastRSeq.put(tag, Integer.toUnsignedLong(rseq.getSequenceNumber()));
            prack(dialog, response);
        } else {
            LOG.debug("{}: reliable {} RSeq {} dropped as {}", leg, response.getStatusCode(), Integer.toUnsignedLong(rseq.getSequenceNumber()),
                    verdict);
        }
        return verdict;
    }

    /** The SDP answer a reliable 18x brought: a 2xx without SDP uses it. */
    void earlyAnswer(RtpPeer peer) {
        earlyAnswer = peer;
    }

    /** The answer of a reliable 18x, or null. */
    RtpPeer earlyAnswer() {
        return earlyAnswer;
    }

    private void prack(Dialog dialog, Response response) {
        try {
            Request prack = ctx.messages().decorate(dialog.createPrack(response));
            ClientTransaction tx = ctx.provider().getNewClientTransaction(prack);
            dialog.sendRequest(tx);
        } catch (Exception e) {
            // The far end retransmits its 18x and gives up after 64*T1; the INVITE's outcome still ends the leg.
            LOG.warn("{}: PRACK not sent: {}", leg, e.toString());
        }
    }

    static boolean requires100rel(Message message) {
        ListIterator<?> requires = message.getHeaders(RequireHeader.NAME);
        while (requires.hasNext()) {
            if (requires.next() instanceof RequireHeader r && OPTION.equalsIgnoreCase(r.getOptionTag())) {
                return true;
            }
        }
        return false;
    }
}
