package io.outdial.sip.ua;

import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.dtmf.DtmfDigits;
import io.outdial.media.dtmf.DtmfSender;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DTMF to the far end of one answered leg: RFC 4733 telephone-events on the leg's RTP endpoint when the far end
 * negotiated telephone-event, else one SIP INFO per digit (application/dtmf-relay, {@code Signal=5} and
 * {@code Duration=160}), each sent after the previous one's 2xx and its tone's time. Requests queue in order.
 * Runs on the leg's call executor; every future completes there.
 */
final class LegDtmf {
    private static final Logger LOG = LoggerFactory.getLogger(LegDtmf.class);

    /** How the far end hears our digits. */
    enum Method { RFC4733, SIP_INFO }

    /** Where the INFO queue is. */
    enum InfoState implements State<InfoState> {
        /** No INFO out and no pause running: the next request sends at once. */
        IDLE,
        /** An INFO is out, awaiting its final response. */
        AWAITING_ANSWER,
        /** The digit's tone and the gap run before the next INFO. */
        PAUSING;

        private static final Transitions<InfoState> MOVES = Transitions.of(InfoState.class, "INFO DTMF")
                .entry(IDLE)
                .from(IDLE).to(IDLE, AWAITING_ANSWER)
                .from(AWAITING_ANSWER).to(PAUSING, IDLE)
                .from(PAUSING).to(IDLE)
                .build();

        @Override
        public Transitions<InfoState> transitions() {
            return MOVES;
        }
    }

    /** Silence between two INFO digits, as between two RTP events. */
    static final Duration INFO_GAP = Duration.ofMillis(DtmfSender.GAP_MS);

    private record InfoRequest(String digits, int durationMs, CompletableFuture<Void> sent) {
    }

    private final LegContext ctx;
    private final CallExecutor executor;
    private final OutboundLeg leg;
    private final Supplier<Dialog> answeredDialog;
    private final ArrayDeque<InfoRequest> infoQueue = new ArrayDeque<>();

    // the INFO in flight: its request, the digit's index in it, and its transaction
    private InfoRequest current;
    private int index;
    private ClientTransaction infoTx;
    private InfoState infoState = InfoState.IDLE;
    private Cancellable nextDigit = () -> { };
    private boolean over;
    private int lastDurationMs;

    /** @param answeredDialog the leg's dialog while it is answered, else null; read on the executor */
    LegDtmf(LegContext ctx, CallExecutor executor, OutboundLeg leg, Supplier<Dialog> answeredDialog) {
        this.answeredDialog = answeredDialog;
        this.ctx = ctx;
        this.executor = executor;
        this.leg = leg;
    }

    /** The method digits to {@code peer} go by. */
    static Method methodFor(RtpPeer peer) {
        return peer != null && peer.telephoneEventPt() >= 0 ? Method.RFC4733 : Method.SIP_INFO;
    }

    /** See {@link io.outdial.sip.Leg#sendDtmf}: safe from any thread, hops onto the leg's executor. */
    CompletableFuture<Void> send(String digits, Duration perDigit) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        executor.execute(() -> queue(answeredDialog.get(), leg.media(), digits, perDigit).whenComplete((ok, e) -> {
            if (e == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(e);
            }
        }));
        return sent;
    }

    /**
     * Queues {@code digits}; fails at once (as a failed future) on keys that are not DTMF, a duration outside
     * 40-2000 ms, or a leg that is not answered.
     */
    private CompletableFuture<Void> queue(Dialog dialog, RtpEndpoint endpoint, String digits, Duration perDigit) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        String keys;
        int durationMs;
        try {
            keys = DtmfDigits.checked(digits);
            durationMs = checkedDuration(perDigit);
        } catch (IllegalArgumentException e) {
            sent.completeExceptionally(e);
            return sent;
        }
        if (over || dialog == null || endpoint == null) {
            sent.completeExceptionally(new IllegalStateException(leg + " is not answered"));
            return sent;
        }
        if (methodFor(endpoint.peer()) == Method.RFC4733) {
            ctx.media().sendDtmf(endpoint, keys, durationMs).whenComplete((ok, failure) -> executor.execute(() -> {
                if (failure == null) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(failure);
                }
            }));
            return sent;
        }
        int waiting = infoQueue.stream().mapToInt(r -> r.digits.length()).sum()
                + (current == null ? 0 : current.digits.length() - index);
        if (waiting + keys.length() > DtmfSender.MAX_QUEUED_DIGITS) {
            sent.completeExceptionally(new IllegalStateException("too many DTMF digits waiting (at most "
                    + DtmfSender.MAX_QUEUED_DIGITS + ")"));
            return sent;
        }
        infoQueue.add(new InfoRequest(keys, durationMs, sent));
        if (infoState == InfoState.IDLE) {
            sendNextInfo();
        }
        return sent;
    }

    /** A response to an INFO of ours; false if it is provisional or {@code tx} is not ours. */
    boolean onInfoResponse(ClientTransaction tx, Response response) {
        int status = response.getStatusCode();
        if (tx == null || tx != infoTx || status < 200) {
            return false;
        }
        String reason = response.getReasonPhrase();
        infoTx = null;
        if (status / 100 != 2) {
            failAll(new IllegalStateException("the far end refused SIP INFO DTMF: " + status + " " + reason));
            return true;
        }
        index++;
        if (index == current.digits.length()) {
            current.sent.complete(null);
            current = null;
        }
        infoState = infoState.moveTo(InfoState.PAUSING);
        nextDigit = executor.schedule(Duration.ofMillis(lastDurationMs).plus(INFO_GAP), this::sendNextInfo);
        return true;
    }

    /** Our INFO had no answer (Timer F): the digits are lost. */
    boolean onInfoTimeout(ClientTransaction tx) {
        if (tx == null || tx != infoTx) {
            return false;
        }
        infoTx = null;
        failAll(new IllegalStateException("no answer to SIP INFO DTMF"));
        return true;
    }

    /** The leg is over: whatever waits fails. */
    void legEnded() {
        over = true;
        nextDigit.cancel();
        failAll(new IllegalStateException(leg + " ended before its DTMF was sent"));
    }

    private void sendNextInfo() {
        infoState = infoState.moveTo(InfoState.IDLE);
        Dialog dialog = answeredDialog.get();
        if (over || dialog == null) {
            failAll(new IllegalStateException(leg + " is not answered"));
            return;
        }
        if (current == null) {
            current = infoQueue.poll();
            index = 0;
            if (current == null) {
                return;
            }
        }
        char key = current.digits.charAt(index);
        lastDurationMs = current.durationMs;
        infoTx = new LegSignalling(ctx, leg).info(dialog, dtmfRelay(key, current.durationMs));
        if (infoTx == null) {
            failAll(new IllegalStateException("SIP INFO could not be sent"));
        } else {
            infoState = infoState.moveTo(InfoState.AWAITING_ANSWER);
        }
    }

    /** The application/dtmf-relay body of one digit, as Cisco and most SIP equipment read it. */
    static String dtmfRelay(char key, int durationMs) {
        return "Signal=" + key + "\r\nDuration=" + durationMs + "\r\n";
    }

    private void failAll(RuntimeException cause) {
        infoState = infoState.moveTo(InfoState.IDLE);
        infoTx = null;
        if (current != null) {
            LOG.info("{}: DTMF {} not sent: {}", leg, current.digits.substring(index), cause.getMessage());
            current.sent.completeExceptionally(cause);
            current = null;
        }
        for (InfoRequest r : infoQueue) {
            r.sent.completeExceptionally(cause);
        }
        infoQueue.clear();
    }

    private static int checkedDuration(Duration perDigit) {
        long ms = perDigit == null ? -1 : perDigit.toMillis();
        if (ms < DtmfSender.MIN_DURATION_MS || ms > DtmfSender.MAX_DURATION_MS) {
            throw new IllegalArgumentException("DTMF duration must be " + DtmfSender.MIN_DURATION_MS + " to "
                    + DtmfSender.MAX_DURATION_MS + " ms, got " + perDigit);
        }
        return (int) ms;
    }
}
