package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KernelUdpDropsTest {
    private static final String UDP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
             1021: 0000000000000000FFFF00000100007F:1428 00000000000000000000000000000000:0000 07 00000000:00004600 00:00000000 00000000     0        0 123 2 0000000000000000 142
             1022: 0000000000000000FFFF00000100007F:1429 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 124 2 0000000000000000 7
            """;
    private static final String UDP = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              318: 0100007F:1428 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 99 2 0000000000000000 5
              319: 0100007F:B3B0 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 98 2 0000000000000000 28405
              320: garbage row
            """;

    @Test
    void sumsTheDropsOfTheSocketsOnThePortOnly() {
        assertEquals(142, KernelUdpDrops.inTable(UDP6, 5160));
        assertEquals(7, KernelUdpDrops.inTable(UDP6, 5161));
        assertEquals(5, KernelUdpDrops.inTable(UDP, 5160));
        assertEquals(28405, KernelUdpDrops.inTable(UDP, 46000));
        assertEquals(0, KernelUdpDrops.inTable(UDP, 5170));
    }

    @Test
    void aHeaderOnlyOrEmptyTableCountsNothing() {
        assertEquals(0, KernelUdpDrops.inTable("  sl  local_address rem_address drops\n", 5160));
        assertEquals(0, KernelUdpDrops.inTable("", 5160));
    }
}
