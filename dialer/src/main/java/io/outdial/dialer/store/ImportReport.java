package io.outdial.dialer.store;

import java.util.List;

/**
 * What a CSV import did: how many records it added, how many rows it refused, and the first
 * {@value #MAX_LISTED} refused rows with the row's line number in the file (the header is line 1) and why (a file
 * of 100,000 bad rows does not make a report of 100,000 entries). Refused rows were not imported at all; the others
 * all were.
 */
public record ImportReport(int imported, int refused, List<RejectedRow> rejected) {
    /** Refused rows listed with their reason; the rest are counted. */
    public static final int MAX_LISTED = 1000;

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** A report listing every refused row. */
    public ImportReport(int imported, List<RejectedRow> rejected) {
        this(imported, rejected.size(), rejected);
    }

    /** One refused row: its first line in the file, and the reason, naming the column. */
    public record RejectedRow(long line, String reason) {
    }
}
