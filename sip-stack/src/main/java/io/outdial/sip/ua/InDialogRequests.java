package io.outdial.sip.ua;

import io.outdial.media.Codec;
import io.outdial.media.RtpEndpoint;
import io.outdial.sip.LegState;
import io.outdial.sip.sdp.SdpException;
import io.outdial.sip.sdp.SdpNegotiation;
import io.outdial.sip.sdp.SdpParser;
import io.outdial.sip.sdp.Direction;
import io.outdial.sip.sdp.SessionDescription;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests the far end sends inside one of our dialogs: BYE ends the leg; a re-INVITE or UPDATE gets our
 * current SDP (and moves our RTP peer if its offer changes it); INFO, OPTIONS and NOTIFY are acknowledged.
 * Runs on the leg's call executor.
 */
final class InDialogRequests {
    private static final Logger LOG = LoggerFactory.getLogger(InDialogRequests.class);

    private static final int SESSION_INTERVAL_TOO_SMALL = 422;

    private final OutboundLeg leg;
    private final SipMessages messages;

    InDialogRequests(OutboundLeg leg, SipMessages messages) {
        this.leg = leg;
        this.messages = messages;
    }

    void handle(Request request, ServerTransaction st) {
        String method = request.getMethod();
        if (method.equals(Request.ACK) || st == null) {
            // The ACK of our 200 to a re-INVITE: nothing to answer.
            return;
        }
        if (!method.equals(Request.BYE)) {
            leg.farEndSignalled(null);
        }
        switch (method) {
            case Request.BYE -> onBye(request, st);
            case Request.INVITE -> onOffer(request, st, leg.state() == LegState.ANSWERED);
            case Request.UPDATE -> onOffer(request, st, !leg.state().isTerminal());
            case Request.INFO -> onInfo(request, st);
            case Request.OPTIONS, Request.NOTIFY -> respond(request, st, Response.OK, null);
            case Request.CANCEL -> respond(request, st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            default -> respond(request, st, Response.METHOD_NOT_ALLOWED, null);
        }
    }

    /** INFO is acknowledged; a DTMF digit in it goes to whoever listens (the bridge relays it to the other leg). */
    private void onInfo(Request request, ServerTransaction st) {
        respond(request, st, Response.OK, null);
        if (request.getHeader(ContentTypeHeader.NAME) instanceof ContentTypeHeader type
                && request.getRawContent() != null) {
            DtmfInfoBody.parse(type.getContentType(), type.getContentSubType(),
                    new String(request.getRawContent(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .ifPresent(leg::dtmfInfoReceived);
        }
    }

    private void onBye(Request request, ServerTransaction st) {
        if (leg.state() == LegState.ANSWERED) {
            respond(request, st, Response.OK, null);
            leg.onRemoteBye();
        } else if (leg.byePending()) {
            // Our BYE crossed theirs: both are fine, ours ends the leg when it completes.
            respond(request, st, Response.OK, null);
        } else {
            respond(request, st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
        }
    }

    private void onOffer(Request request, ServerTransaction st, boolean acceptable) {
        if (!acceptable || leg.offer() == null) {
            respond(request, st, Response.REQUEST_PENDING, null);
            return;
        }
        boolean offers = request.getMethod().equals(Request.INVITE) || SdpBodies.of(request) != null;
        if (offers && leg.offerPending()) {
            // Glare: our re-INVITE and theirs crossed (RFC 3261 14.2); ours goes on, theirs may try again later.
            LOG.debug("{}: {} crossed our re-INVITE: 491", leg, request.getMethod());
            respond(request, st, Response.REQUEST_PENDING, null);
            return;
        }
        java.util.List<javax.sip.header.Header> minSE = leg.sessionTooSmall(request);
        if (!minSE.isEmpty()) {
            try {
                messages.respond(st, request, SESSION_INTERVAL_TOO_SMALL, "Session Interval Too Small", null, minSE);
            } catch (Exception e) {
                LOG.warn("{}: could not answer {} with 422: {}", leg, request.getMethod(), e.toString());
            }
            return;
        }
        String sdp = SdpBodies.of(request);
        RtpEndpoint media = leg.media();
        boolean holdChanged = false;
        if (sdp != null && media != null) {
            try {
                Codec current = media.peer() == null ? null : media.peer().codec();
                SessionDescription theirs = SdpParser.parse(sdp);
                media.connect(SdpNegotiation.negotiate(leg.offer(), theirs, current));
                leg.farEndSignalled(theirs.firstAudio()
                        .map(m -> m.direction() == Direction.SENDRECV || m.direction() == Direction.SENDONLY)
                        .orElse(false));
                holdChanged = leg.farEndHold().offered(theirs, leg.offer());
            } catch (SdpException e) {
                LOG.info("{}: refusing {} offer: {}", leg, request.getMethod(), e.getMessage());
                respond(request, st, Response.NOT_ACCEPTABLE_HERE, null);
                return;
            }
        }
        boolean withSdp = request.getMethod().equals(Request.INVITE) || sdp != null;
        respond(request, st, Response.OK, withSdp ? leg.farEndHold().answer(leg.offer()) : null,
                leg.sessionRefreshed(request));
        if (holdChanged) {
            leg.heldByFarEnd(leg.farEndHold().held());
        }
    }

    private void respond(Request request, ServerTransaction st, int status, String sdp) {
        respond(request, st, status, sdp, java.util.List.of());
    }

    private void respond(Request request, ServerTransaction st, int status, String sdp,
                         java.util.List<javax.sip.header.Header> extra) {
        try {
            messages.respond(st, request, status, null, sdp, extra);
        } catch (Exception e) {
            LOG.warn("{}: could not answer {} with {}: {}", leg, request.getMethod(), status, e.toString());
        }
    }
}
