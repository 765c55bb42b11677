package io.outdial.dialer.store;

import java.util.List;

/**
 * What a CSV import did: how many records it added, and each row it refused with the row's line number in the
 * file (the header is line 1) and why. Refused rows were not imported at all; the others all were.
 */
public record ImportReport(int imported, List<RejectedRow> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** One refused row: its first line in the file, and the reason, naming the column. */
    public record RejectedRow(long line, String reason) {
    }
}
