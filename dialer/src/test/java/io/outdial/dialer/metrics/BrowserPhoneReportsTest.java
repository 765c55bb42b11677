package io.outdial.dialer.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.outdial.media.srtp.SrtpReceiver;
import org.junit.jupiter.api.Test;

/** The browsers' RTCP reports as Prometheus shows them: names, buckets, and the dropped packets by reason. */
class BrowserPhoneReportsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final BrowserPhoneReports reports = new BrowserPhoneReports(registry);

    private void assertScraped(String sample) {
        String scrape = registry.scrape();
        assertTrue(scrape.lines().anyMatch(l -> l.equals(sample)), sample + " in\n" + scrape);
    }

    @Test
    void reportBlocksFillTheHistogramsAndTheLostCounter() {
        reports.report(0.25, 12, 0.02);
        reports.report(0.0, 0, 0.001);
        reports.report(1 / 256.0, 1, 0.0125);
        assertScraped("outdial_browser_phone_rtcp_lost_percent_count 3");
        assertScraped("outdial_browser_phone_rtcp_lost_percent_bucket{le=\"1.0\"} 2");
        assertScraped("outdial_browser_phone_rtcp_lost_percent_bucket{le=\"20.0\"} 2");
        assertScraped("outdial_browser_phone_rtcp_lost_percent_bucket{le=\"50.0\"} 3");
        assertScraped("outdial_browser_phone_rtcp_jitter_seconds_count 3");
        assertScraped("outdial_browser_phone_rtcp_jitter_seconds_bucket{le=\"0.005\"} 1");
        assertScraped("outdial_browser_phone_rtcp_jitter_seconds_bucket{le=\"0.01\"} 1");
        assertScraped("outdial_browser_phone_rtcp_jitter_seconds_bucket{le=\"0.02\"} 3");
        assertScraped("outdial_browser_phone_rtcp_jitter_seconds_sum 0.0335");
        assertScraped("outdial_browser_phone_packets_lost_total 13.0");
    }

    @Test
    void droppedRtcpIsCountedByReason() {
        reports.dropped(SrtpReceiver.Verdict.FORGED);
        reports.dropped(SrtpReceiver.Verdict.FORGED);
        reports.dropped(SrtpReceiver.Verdict.MALFORMED);
        assertScraped("outdial_browser_phone_rtcp_dropped_total{reason=\"forged\"} 2.0");
        assertScraped("outdial_browser_phone_rtcp_dropped_total{reason=\"malformed\"} 1.0");
        assertScraped("outdial_browser_phone_rtcp_dropped_total{reason=\"replayed\"} 0.0");
    }
}
