package io.outdial.sip.ua;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests a leg sends on its INVITE transaction and dialog (CANCEL, ACK, BYE). Each failure is logged with the
 * leg and reported as a null or false result, so that the state machine decides what a failure means.
 */
final class LegSignalling {
    private static final Logger LOG = LoggerFactory.getLogger(LegSignalling.class);

    private final LegContext ctx;
    private final Object leg;

    LegSignalling(LegContext ctx, Object leg) {
        this.ctx = ctx;
        this.leg = leg;
    }

    /** Sends CANCEL for {@code invite}; false if it could not be sent. */
    boolean cancel(ClientTransaction invite) {
        try {
            Request cancel = ctx.messages().decorate(invite.createCancel());
            ctx.provider().getNewClientTransaction(cancel).sendRequest();
            return true;
        } catch (Exception e) {
            LOG.warn("{}: CANCEL not sent: {}", leg, e.toString());
            return false;
        }
    }

    /** ACKs the 2xx of CSeq {@code cseq} on {@code dialog}; returns the ACK sent, or null. */
    Request ack(Dialog dialog, long cseq) {
        try {
            Request ack = ctx.messages().decorate(dialog.createAck(cseq));
            dialog.sendAck(ack);
            return ack;
        } catch (Exception e) {
            LOG.warn("{}: ACK not sent: {}", leg, e.toString());
            return null;
        }
    }

    /** Sends {@code ack} again, for a retransmitted 2xx. */
    void reAck(Dialog dialog, Request ack) {
        try {
            LOG.debug("{}: 2xx retransmitted, ACK sent again", leg);
            dialog.sendAck(ack);
        } catch (Exception e) {
            LOG.warn("{}: ACK not re-sent: {}", leg, e.toString());
        }
    }

    /** Sends BYE on {@code dialog}; returns its transaction, or null if it could not be sent. */
    ClientTransaction bye(Dialog dialog) {
        try {
            Request bye = ctx.messages().decorate(dialog.createRequest(Request.BYE));
            ClientTransaction tx = ctx.provider().getNewClientTransaction(bye);
            dialog.sendRequest(tx);
            return tx;
        } catch (Exception e) {
            LOG.warn("{}: BYE not sent: {}", leg, e.toString());
            return null;
        }
    }

    /**
     * Sends the dialog's next BYE with credentials answering {@code challenge} (the trunk's 401/407 to our BYE);
     * returns its transaction, or null if the challenge cannot be answered (then the leg ends without it).
     */
    ClientTransaction byeAnswering(Dialog dialog, javax.sip.message.Response challenge, TrunkChallenges challenges) {
        try {
            Request bye = ctx.messages().decorate(dialog.createRequest(Request.BYE));
            challenges.authorize(bye, challenge);
            ClientTransaction tx = ctx.provider().getNewClientTransaction(bye);
            dialog.sendRequest(tx);
            return tx;
        } catch (TrunkChallenges.NotAnswered e) {
            LOG.warn("{}: BYE challenged by the trunk and not answered: {}", leg, e.getMessage());
            return null;
        } catch (Exception e) {
            LOG.warn("{}: BYE with credentials not sent: {}", leg, e.toString());
            return null;
        }
    }

    /** Sends INFO on {@code dialog} with an application/dtmf-relay body; its transaction, or null if not sent. */
    ClientTransaction info(Dialog dialog, String dtmfRelay) {
        try {
            Request info = ctx.messages().decorate(dialog.createRequest(Request.INFO));
            ctx.messages().setBody(info, "application", "dtmf-relay", dtmfRelay);
            ClientTransaction tx = ctx.provider().getNewClientTransaction(info);
            dialog.sendRequest(tx);
            return tx;
        } catch (Exception e) {
            LOG.warn("{}: INFO not sent: {}", leg, e.toString());
            return null;
        }
    }

    /** Ends a transaction the far end never completed. */
    static void terminate(ClientTransaction tx) {
        if (tx == null) {
            return;
        }
        try {
            tx.terminate();
        } catch (Exception e) {
            LOG.debug("could not terminate {}: {}", tx, e.toString());
        }
    }
}
