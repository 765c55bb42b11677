package io.outdial.media.transport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PortPoolTest {

    @Test
    void onlyEvenPortsOfTheRangeAreHandedOut() {
        PortPool pool = new PortPool(10001, 10007);
        assertEquals(3, pool.capacity());
        assertEquals(10002, pool.take());
        assertEquals(10004, pool.take());
        assertEquals(10006, pool.take());
        assertEquals(-1, pool.take());
    }

    @Test
    void boundsThatAreEvenAreIncluded() {
        PortPool pool = new PortPool(20000, 20000);
        assertEquals(1, pool.capacity());
        assertEquals(20000, pool.take());
    }

    @Test
    void aReleasedPortIsReusedOnlyAfterTheOthersRoundRobin() {
        PortPool pool = new PortPool(10000, 10006);
        assertEquals(10000, pool.take());
        assertEquals(10002, pool.take());
        pool.release(10000);
        assertEquals(10004, pool.take());
        assertEquals(10006, pool.take());
        assertEquals(10000, pool.take(), "wraps around to the freed port");
        assertEquals(-1, pool.take());
        assertEquals(4, pool.inUse());
    }

    @Test
    void releasingAPortNotTakenIsABug() {
        PortPool pool = new PortPool(10000, 10006);
        assertThrows(IllegalStateException.class, () -> pool.release(10000));
        assertThrows(IllegalStateException.class, () -> pool.release(10001));
        assertThrows(IllegalStateException.class, () -> pool.release(9998));
    }
}
