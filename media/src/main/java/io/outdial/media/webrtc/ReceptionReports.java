package io.outdial.media.webrtc;

import io.outdial.media.srtp.SrtpReceiver;

/**
 * What browsers' RTCP says about the gateway's audio to them, for metrics: each report block of their receiver and
 * sender reports (RFC 3550 6.4), and each RTCP packet dropped. Called on endpoints' event loops, from many legs at
 * once: record and return, never block.
 */
public interface ReceptionReports {
    /** Hears nothing. */
    ReceptionReports NONE = new ReceptionReports() {
        @Override
        public void report(double fractionLost, long newlyLost, double jitterSeconds) {
        }

        @Override
        public void dropped(SrtpReceiver.Verdict why) {
        }
    };

    /**
     * One report block about a stream the gateway sends the browser.
     *
     * @param fractionLost  the fraction of packets lost since the browser's previous report (0 to 255/256)
     * @param newlyLost     packets its cumulative count of lost packets grew by since the previous block about the
     *                      same stream (0 when it did not grow; the first block about a stream counts all)
     * @param jitterSeconds the interarrival jitter, in seconds
     */
    void report(double fractionLost, long newlyLost, double jitterSeconds);

    /**
     * An RTCP packet from the browser dropped: {@code MALFORMED} (too short, not RTCP, a report that does not fit),
     * {@code FORGED} (the SRTCP tag does not verify: not the DTLS peer, or damaged), or {@code REPLAYED}.
     */
    void dropped(SrtpReceiver.Verdict why);
}
