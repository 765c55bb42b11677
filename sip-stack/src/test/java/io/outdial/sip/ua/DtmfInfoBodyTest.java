package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DtmfInfoBodyTest {
    @Test
    void dtmfRelayBodiesGiveTheirDigitAndDuration() {
        assertEquals(Optional.of(new DtmfInfoBody('5', Duration.ofMillis(160))),
                DtmfInfoBody.parse("application", "dtmf-relay", "Signal=5\r\nDuration=160\r\n"));
        assertEquals(Optional.of(new DtmfInfoBody('#', Duration.ofMillis(250))),
                DtmfInfoBody.parse("Application", "DTMF-Relay", "Signal= #\n"));
        assertEquals('*', DtmfInfoBody.parse("application", "dtmf-relay", "Signal=10\r\nDuration=100").get().digit());
        assertEquals('#', DtmfInfoBody.parse("application", "dtmf-relay", "Signal=11").get().digit());
        assertEquals('D', DtmfInfoBody.parse("application", "dtmf-relay", "signal=d").get().digit());
        assertEquals(Duration.ofMillis(2000),
                DtmfInfoBody.parse("application", "dtmf-relay", "Signal=1\r\nDuration=99999").get().duration());
        assertEquals(Optional.of(new DtmfInfoBody('7', Duration.ofMillis(250))),
                DtmfInfoBody.parse("application", "dtmf", "7\r\n"));
    }

    @Test
    void anythingElseIsNoDigit() {
        assertTrue(DtmfInfoBody.parse("application", "dtmf-relay", "Signal=55").isEmpty());
        assertTrue(DtmfInfoBody.parse("application", "dtmf-relay", "Signal=X").isEmpty());
        assertTrue(DtmfInfoBody.parse("application", "dtmf-relay", "Duration=100").isEmpty());
        assertTrue(DtmfInfoBody.parse("application", "dtmf-relay", "Signal=1\r\nDuration=soon").isEmpty());
        assertTrue(DtmfInfoBody.parse("application", "media_control+xml", "<x/>").isEmpty());
        assertTrue(DtmfInfoBody.parse("text", "plain", "5").isEmpty());
        assertTrue(DtmfInfoBody.parse("application", "dtmf-relay", "Signal=1\n" + "x".repeat(300)).isEmpty());
        assertTrue(DtmfInfoBody.parse("application", "dtmf-relay", null).isEmpty());
    }
}
