package io.outdial.sip;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counts of the SIP messages the user agent handled: requests by method and responses by status class, each received
 * or sent (retransmissions the stack absorbs or makes itself are not seen), and incoming messages dropped unanswered
 * by reason. Thread-safe; counting allocates nothing.
 */
public final class SipTraffic {

    /** Which way a message went. */
    public enum Direction {
        RECEIVED, SENT;

        /** The metric label: "received", "sent". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Why an incoming message was dropped before any of our code saw it. */
    public enum Drop {
        /** The parser rejected it. */
        MALFORMED,
        /** A mandatory header was missing (or CSeq named another method). */
        MISSING_HEADER,
        /** An out-of-dialog request over its source's rate limit. */
        RATE_LIMITED;

        /** The metric label: "malformed", "missing_header", "rate_limited". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The methods counted by name; any other is counted as "OTHER". */
    public static final List<String> METHODS = List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO",
            "UPDATE", "PRACK", "NOTIFY", "SUBSCRIBE", "REFER", "MESSAGE", "OTHER");
    /** Status classes 1xx to 6xx. */
    public static final int CLASSES = 6;

    private final LongAdder[][] requests = new LongAdder[2][METHODS.size()];
    private final LongAdder[][] responses = new LongAdder[2][CLASSES];
    private final LongAdder[] dropped = new LongAdder[Drop.values().length];
    private final LongSupplier socketOverflows;

    /** Counts for a user agent without a UDP socket of its own (tests, wrappers): no socket overflows. */
    public SipTraffic() {
        this(() -> 0);
    }

    /**
     * Counts whose {@link #socketOverflows()} are read from {@code socketOverflows}: the datagrams the kernel dropped
     * on the UDP socket before the stack could read them (-1 when unknown).
     */
    public SipTraffic(LongSupplier socketOverflows) {
        this.socketOverflows = socketOverflows;
        for (int d = 0; d < 2; d++) {
            for (int m = 0; m < METHODS.size(); m++) {
                requests[d][m] = new LongAdder();
            }
            for (int c = 0; c < CLASSES; c++) {
                responses[d][c] = new LongAdder();
            }
        }
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = new LongAdder();
        }
    }

    /** Counts an incoming message dropped for {@code reason}. */
    public void dropped(Drop reason) {
        dropped[reason.ordinal()].increment();
    }

    /** Incoming messages dropped for {@code reason}. */
    public long drops(Drop reason) {
        return dropped[reason.ordinal()].sum();
    }

    /** Datagrams dropped by the kernel for a full receive buffer on the SIP UDP socket; -1 when unknown. */
    public long socketOverflows() {
        return socketOverflows.getAsLong();
    }

    public void request(Direction direction, String method) {
        requests[direction.ordinal()][indexOf(method)].increment();
    }

    /** Counts a response of {@code status}; a status outside 100..699 is not a response and is not counted. */
    public void response(Direction direction, int status) {
        if (status >= 100 && status < 700) {
            responses[direction.ordinal()][status / 100 - 1].increment();
        }
    }

    public long requests(Direction direction, String method) {
        return requests[direction.ordinal()][indexOf(method)].sum();
    }

    /** Responses of class {@code statusClass} (1 for 1xx ... 6 for 6xx). */
    public long responses(Direction direction, int statusClass) {
        return responses[direction.ordinal()][statusClass - 1].sum();
    }

    private static int indexOf(String method) {
        int i = method == null ? -1 : METHODS.indexOf(method);
        return i < 0 ? METHODS.size() - 1 : i;
    }
}
