package io.outdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.sip.SipTraffic.Direction;
import org.junit.jupiter.api.Test;

class SipTrafficTest {

    @Test
    void countsRequestsByMethodAndResponsesByClassEachWay() {
        SipTraffic t = new SipTraffic();
        t.request(Direction.SENT, "INVITE");
        t.request(Direction.SENT, "INVITE");
        t.request(Direction.RECEIVED, "BYE");
        t.request(Direction.RECEIVED, "FOO");
        t.request(Direction.RECEIVED, null);
        t.response(Direction.RECEIVED, 180);
        t.response(Direction.RECEIVED, 486);
        t.response(Direction.SENT, 200);
        t.response(Direction.SENT, 99);
        t.response(Direction.SENT, 700);
        assertEquals(2, t.requests(Direction.SENT, "INVITE"));
        assertEquals(0, t.requests(Direction.RECEIVED, "INVITE"));
        assertEquals(1, t.requests(Direction.RECEIVED, "BYE"));
        assertEquals(2, t.requests(Direction.RECEIVED, "OTHER"), "unknown methods count as OTHER");
        assertEquals(1, t.responses(Direction.RECEIVED, 1));
        assertEquals(1, t.responses(Direction.RECEIVED, 4));
        assertEquals(1, t.responses(Direction.SENT, 2));
        long sentAll = 0;
        for (int c = 1; c <= SipTraffic.CLASSES; c++) {
            sentAll += t.responses(Direction.SENT, c);
        }
        assertEquals(1, sentAll, "statuses outside 100..699 are not responses");
    }
}
