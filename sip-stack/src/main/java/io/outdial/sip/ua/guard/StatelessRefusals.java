package io.outdial.sip.ua.guard;

/**
 * Which out-of-dialog requests the gateway refuses statelessly (RFC 3261 8.2.7): with no server transaction kept,
 * so that a flood of them leaves nothing waiting on timers. The rest is answered statefully by the user agent:
 * OPTIONS (200), REGISTER (the registrar's), ACK (absorbed), CANCEL (a stateless UAS must ignore CANCEL, 8.2.7).
 * The statuses match what the stateful out-of-dialog handling answers.
 */
public final class StatelessRefusals {
    /** Not refused here: hand the request to the stateful handling. */
    public static final int STATEFUL = 0;

    private StatelessRefusals() {
    }

    /**
     * The status to refuse an out-of-dialog request with, or {@link #STATEFUL}.
     *
     * @param method the request's method (case-sensitive, RFC 3261 7.1)
     * @param toTag  whether its To carries a tag (a request inside a dialog we do not know)
     */
    public static int statusFor(String method, boolean toTag) {
        return switch (method) {
            case "OPTIONS", "REGISTER", "ACK", "CANCEL" -> STATEFUL;
            case "INVITE" -> toTag ? 481 : 403;
            case "BYE", "INFO", "UPDATE", "PRACK", "NOTIFY" -> 481;
            case "SUBSCRIBE", "MESSAGE", "PUBLISH", "REFER" -> 405;
            default -> 501;
        };
    }
}
