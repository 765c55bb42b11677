package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.outdial.sip.ua.SessionRefresher.Expiry;
import io.outdial.sip.ua.SessionRefresher.Refresher;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Session-Expires and Min-SE values as the network sends them. */
class SessionExpiresTest {
    @Test
    void anIntervalWithOrWithoutItsRefresherIsRead() {
        assertEquals(new Expiry(Duration.ofSeconds(1800), Refresher.UAC), Expiry.parse("1800;refresher=uac"));
        assertEquals(new Expiry(Duration.ofSeconds(90), Refresher.UAS), Expiry.parse(" 90 ; Refresher = UAS "));
        assertEquals(new Expiry(Duration.ofSeconds(90), null), Expiry.parse("90"));
        assertEquals(new Expiry(Duration.ofSeconds(90), null), Expiry.parse("90;refresher=proxy;x=1"));
        assertEquals("4;refresher=uac", new Expiry(Duration.ofSeconds(4), Refresher.UAC).toHeaderValue());
    }

    @Test
    void hostileOrNonsensicalValuesAreNotUsed() {
        assertNull(Expiry.parse(null));
        assertNull(Expiry.parse(""));
        assertNull(Expiry.parse("abc;refresher=uac"));
        assertNull(Expiry.parse("0"));
        assertNull(Expiry.parse("-5"));
        assertNull(Expiry.parse("99999999999999999999999"));
        assertNull(Expiry.parse("86401"), "longer than a day");
    }
}
