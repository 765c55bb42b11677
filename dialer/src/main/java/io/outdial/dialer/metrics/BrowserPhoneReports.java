package io.outdial.dialer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import io.outdial.media.srtp.SrtpReceiver;
import io.outdial.media.webrtc.ReceptionReports;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The browsers' RTCP reports as metrics (see {@link DialerMetrics#browserPhoneReports()}). Recorded on the
 * endpoints' event loops, every few seconds per phone: each call is a few atomic updates, the meters made once.
 * Micrometer's histograms round a recorded value up to a whole number, so the loss is recorded in percent with
 * whole-percent buckets (the bucket counts stay exact, the sum counts each block rounded up) and the jitter as a
 * timer (nanoseconds, exported in seconds).
 */
final class BrowserPhoneReports implements ReceptionReports {
    private final DistributionSummary fraction;
    private final Timer jitter;
    private final Counter lost;
    private final Map<SrtpReceiver.Verdict, Counter> dropped = new EnumMap<>(SrtpReceiver.Verdict.class);

    BrowserPhoneReports(MeterRegistry registry) {
        fraction = DistributionSummary.builder("outdial_browser_phone_rtcp_lost_percent").baseUnit("percent")
                .description("Percent of the gateway's packets a browser phone lost, per RTCP report block "
                        + "(rounded up to a whole percent)")
                .serviceLevelObjectives(1, 2, 3, 5, 10, 20, 50).register(registry);
        jitter = Timer.builder("outdial_browser_phone_rtcp_jitter")
                .description("Interarrival jitter a browser phone reports for the gateway's audio")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
                        Duration.ofMillis(40), Duration.ofMillis(80), Duration.ofMillis(160), Duration.ofMillis(320))
                .register(registry);
        lost = Counter.builder("outdial_browser_phone_packets_lost")
                .description("Packets of the gateway's audio browser phones reported lost (RTCP cumulative loss)")
                .register(registry);
        for (SrtpReceiver.Verdict v : SrtpReceiver.Verdict.values()) {
            if (v != SrtpReceiver.Verdict.OK) {
                dropped.put(v, Counter.builder("outdial_browser_phone_rtcp_dropped")
                        .tag("reason", v.name().toLowerCase(Locale.ROOT))
                        .description("RTCP from browser phones dropped: malformed, forged (tag fails) or replayed")
                        .register(registry));
            }
        }
    }

    @Override
    public void report(double fractionLost, long newlyLost, double jitterSeconds) {
        fraction.record(fractionLost * 100);
        jitter.record((long) (jitterSeconds * 1e9), TimeUnit.NANOSECONDS);
        if (newlyLost > 0) {
            lost.increment(newlyLost);
        }
    }

    @Override
    public void dropped(SrtpReceiver.Verdict why) {
        Counter c = dropped.get(why);
        if (c != null) {
            c.increment();
        }
    }
}
