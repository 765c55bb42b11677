package io.outdial.sip;

/**
 * The per-source limit on out-of-dialog requests (REGISTER, OPTIONS, refused INVITEs...): a token bucket per source
 * address. Over it, requests are dropped unanswered and counted ({@code outdial_sip_dropped_total{reason=
 * "rate_limited"}}). In-dialog requests of our own calls are never limited.
 *
 * @param perSecond requests a second one address may send on average
 * @param burst     requests one address may send at once (the bucket's size): phones behind one NAT address that
 *                  all register after a power cut need room here
 * @param sources   addresses remembered at most; the least recently heard is forgotten first
 */
public record SourceLimits(int perSecond, int burst, int sources) {
    /** 50 a second, bursts of 200, 10,000 addresses. */
    public static final SourceLimits DEFAULTS = new SourceLimits(50, 200, 10_000);

    public SourceLimits {
        if (perSecond < 1 || burst < 1 || sources < 1) {
            throw new IllegalArgumentException("source limits must be positive: " + perSecond + "/s, burst " + burst
                    + ", " + sources + " sources");
        }
    }
}
