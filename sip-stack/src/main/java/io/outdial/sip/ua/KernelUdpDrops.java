package io.outdial.sip.ua;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Datagrams the kernel dropped for a full receive buffer on the UDP sockets bound to one local port, read from Linux's
 * {@code /proc/net/udp} and {@code /proc/net/udp6} (their last column). A SIP message dropped there is never seen by
 * the stack: the peer retransmits half a second later, which is how a burst turns into a late bridge. Read at scrape
 * time only; elsewhere than on Linux the count is unknown ({@code -1}).
 */
public final class KernelUdpDrops {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private KernelUdpDrops() {
    }

    /** Drops on the sockets bound to local {@code port}, or -1 when no table could be read. */
    public static long ofPort(int port) {
        long total = -1;
        for (Path table : TABLES) {
            try {
                long drops = inTable(Files.readString(table, StandardCharsets.US_ASCII), port);
                total = Math.max(total, 0) + drops;
            } catch (IOException | RuntimeException e) {
                // not Linux, or no IPv6: this table adds nothing
            }
        }
        return total;
    }

    /**
     * Sums the drops column of the rows of one {@code /proc/net/udp}-style {@code table} whose local address has
     * {@code port} (hexadecimal after the colon). The header row and malformed rows are skipped.
     */
    static long inTable(String table, int port) {
        long sum = 0;
        for (String line : table.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length < 13 || !cols[0].endsWith(":")) {
                continue;
            }
            int colon = cols[1].lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                if (Integer.parseInt(cols[1].substring(colon + 1), 16) == port) {
                    sum += Long.parseLong(cols[cols.length - 1]);
                }
            } catch (NumberFormatException e) {
                // a row we do not understand counts nothing
            }
        }
        return sum;
    }
}
