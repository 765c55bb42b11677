package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.media.webrtc.WebRtcFailure;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The browser phones' counters of DialerMetrics as Prometheus shows them (failures by reason), also after a garbage
 * collection: the suppliers handed in are lambdas and method references nobody else holds, and Micrometer keeps a
 * function counter's object only weakly. (In this package for its media and SIP fakes.)
 */
class BrowserPhoneMetricsTest {
    private final DialerMetrics metrics = new DialerMetrics(new AgentRoster(List.of()), new NoMedia(),
            new ScriptedUserAgent());

    @AfterEach
    void close() {
        metrics.close();
    }

    private void assertScraped(String sample) {
        String scrape = metrics.scrape();
        assertTrue(scrape.lines().anyMatch(l -> l.equals(sample)), sample + " in\n" + scrape);
    }

    @Test
    void failuresByReasonAndRefusedChecksAreReadEvenAfterACollection() {
        Map<WebRtcFailure, AtomicLong> failures = new EnumMap<>(WebRtcFailure.class);
        for (WebRtcFailure why : WebRtcFailure.values()) {
            failures.put(why, new AtomicLong());
        }
        AtomicLong refused = new AtomicLong();
        metrics.browserPhones(() -> 1, why -> failures.get(why).get(), refused::get);
        failures.get(WebRtcFailure.DTLS_REFUSED).set(2);
        failures.get(WebRtcFailure.NO_ICE_CHECK).set(1);
        refused.set(5);
        System.gc();
        System.gc();
        assertScraped("outdial_browser_phones_connected 1.0");
        assertScraped("outdial_browser_phone_failures_total{reason=\"dtls_refused\"} 2.0");
        assertScraped("outdial_browser_phone_failures_total{reason=\"no_ice_check\"} 1.0");
        // every reason is exported from the start, so that a rate() or an alert sees its first failure
        for (String zero : List.of("handshakes_busy", "dtls_timeout", "dtls_error")) {
            assertScraped("outdial_browser_phone_failures_total{reason=\"" + zero + "\"} 0.0");
        }
        assertEquals(WebRtcFailure.values().length,
                metrics.scrape().lines().filter(l -> l.startsWith("outdial_browser_phone_failures_total{")).count());
        assertScraped("outdial_browser_phone_ice_checks_refused_total 5.0");
    }
}
