package io.outdial.dialer.store;

import io.outdial.dialer.store.ImportReport.RejectedRow;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a calling-list CSV file (RFC 4180, header row first): standard columns by name, every other column a
 * custom field. Good rows go to a sink in file order; each bad row is refused with its line and one reason. A
 * file that cannot be a calling list at all fails with one {@link ImportException}. Format: docs/configuration.md.
 */
final class CsvImport {

    /** Columns the dialer fills itself; a file that sets them is refused rather than silently half-obeyed. */
    static final Set<String> DIALER_OWNED = Set.of("record_id", "campaign", "record_status", "call_result",
            "attempt", "call_time", "agent_id", "created_at", "updated_at", "custom_fields");

    // Empty lines are kept so that line numbers stay exact; blank rows are skipped here instead.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** Receives each good row; may fail with the database's exception, which ends the import. */
    interface RowSink {
        void accept(ImportedRecord row) throws SQLException;
    }

    private final RowValues values;

    CsvImport(RowValues values) {
        this.values = values;
    }

    /** Reads the whole file; returns the refused rows. */
    List<RejectedRow> read(Reader csv, RowSink sink) throws SQLException {
        List<RejectedRow> rejected = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(csv)) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                throw new ImportException("the file is empty: a calling list needs a header row with a contact_info"
                        + " column");
            }
            Header header = Header.of(rows.next().toList());
            while (true) {
                // The iterator reads a record ahead, so the line must be taken before asking for the next one.
                long line = parser.getCurrentLineNumber() + 1;
                if (!rows.hasNext()) {
                    break;
                }
                CSVRecord row = rows.next();
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                if (row.size() != header.size()) {
                    rejected.add(new RejectedRow(line, "has " + row.size() + " fields, the header has "
                            + header.size()));
                    continue;
                }
                try {
                    sink.accept(values.read(header, row.toList()));
                } catch (RowValues.BadValue e) {
                    rejected.add(new RejectedRow(line, e.getMessage()));
                }
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports broken quoting this way; everything after it is unreadable.
            String detail = String.valueOf(e.getCause().getMessage())
                    .replaceFirst("^\\(startline (\\d+)\\) ", "line $1: ");
            throw new ImportException("not a readable CSV file: " + detail + "; nothing was imported", e);
        } catch (IOException e) {
            throw new ImportException("cannot read the CSV file: " + e.getMessage() + "; nothing was imported", e);
        }
        return rejected;
    }

    /** The header row: column names in order, standard names lower-cased. */
    record Header(List<String> names) {

        static Header of(List<String> raw) {
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                String name = raw.get(i).strip();
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1).strip(); // byte-order mark written by spreadsheet exports
                }
                if (name.isEmpty()) {
                    throw new ImportException("header column " + (i + 1) + " has no name; nothing was imported");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (DIALER_OWNED.contains(lower)) {
                    throw new ImportException("column '" + name + "' is set by the dialer and cannot be imported;"
                            + " nothing was imported");
                }
                if (!seen.add(lower)) {
                    throw new ImportException("column '" + name + "' appears twice in the header; nothing was"
                            + " imported");
                }
                names.add(RowValues.STANDARD.contains(lower) ? lower : name);
            }
            if (!names.contains("contact_info")) {
                throw new ImportException("no contact_info column in the header (found: " + preview(raw)
                        + "); a calling list needs one; nothing was imported");
            }
            return new Header(List.copyOf(names));
        }

        int size() {
            return names.size();
        }

        /** Shows what was found without flooding a log with binary junk from a file that is not CSV. */
        private static String preview(List<String> raw) {
            String joined = String.join(", ", raw).replaceAll("[^\\p{Print}]", "?");
            return joined.length() > 120 ? joined.substring(0, 120) + "..." : joined;
        }
    }
}
