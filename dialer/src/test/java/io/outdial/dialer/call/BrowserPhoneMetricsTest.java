package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.metrics.DialerMetrics;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The browser phones' counters of DialerMetrics as Prometheus shows them, also after a garbage collection: the
 * suppliers handed in are method references nobody else holds, and Micrometer keeps a function counter's object
 * only weakly. (In this package for its media and SIP fakes.)
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
    void failuresAndRefusedChecksAreReadEvenAfterACollection() {
        AtomicLong failures = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        metrics.browserPhones(() -> 1, failures::get, refused::get);
        failures.set(2);
        refused.set(5);
        System.gc();
        System.gc();
        assertScraped("outdial_browser_phones_connected 1.0");
        assertScraped("outdial_browser_phone_failures_total 2.0");
        assertScraped("outdial_browser_phone_ice_checks_refused_total 5.0");
    }
}
