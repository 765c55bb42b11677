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

    /**
     * Columns the dialer fills itself. In a calling list they are the list's own data (custom fields of that name);
     * in a re-imported export they are what the last run made of the record, and are skipped.
     */
    static final Set<String> DIALER_OWNED = Set.of("record_id", "campaign", "record_status", "call_result",
            "attempt", "call_time", "agent_id", "created_at", "updated_at", "custom_fields");
    /** The export's columns after the record's own (RecordExport.LAST_CONTACT), skipped when one is re-imported. */
    static final Set<String> EXPORT_RESULTS = Set.of("call_result_code", "disposition_code", "do_not_call", "note",
            "last_agent");
    /** How the export names a custom field that collides with one of its own columns. */
    static final String CUSTOM_PREFIX = "custom:";

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

    /** What a read found besides the good rows: the refused ones (the first {@link ImportReport#MAX_LISTED}). */
    static final class Refusals {
        final List<RejectedRow> listed = new ArrayList<>();
        int count;

        void add(RejectedRow row) {
            count++;
            if (listed.size() < ImportReport.MAX_LISTED) {
                listed.add(row);
            }
        }
    }

    /** Reads the whole file, streaming: the good rows go to {@code sink} one by one; returns the refused rows. */
    Refusals read(Reader csv, RowSink sink) throws SQLException {
        Refusals rejected = new Refusals();
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
                    sink.accept(values.read(header, header.kept(row.toList())));
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

    /**
     * The header row: the names of the columns kept, in order (standard names lower-cased), and which columns of
     * a row they are. A file with {@code record_id} and {@code call_result_code} columns is an export of the
     * gateway's own ({@code GET /api/campaigns/{name}/export}): its dialer-set and result columns are skipped,
     * {@code custom:<name>} columns are the custom field {@code <name>}, and the export's escaping of text cells
     * (a leading {@code '}) is undone, so that import, export and import again give the same records.
     */
    record Header(List<String> names, int[] columns, int width, boolean export) {

        static Header of(List<String> raw) {
            List<String> lowered = raw.stream().map(n -> stripBom(n).strip().toLowerCase(Locale.ROOT)).toList();
            boolean export = lowered.contains("record_id") && lowered.contains("call_result_code");
            List<String> names = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                String name = (i == 0 ? stripBom(raw.get(i)) : raw.get(i)).strip();
                if (name.isEmpty()) {
                    throw new ImportException("header column " + (i + 1) + " has no name; nothing was imported");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (export && (DIALER_OWNED.contains(lower) || EXPORT_RESULTS.contains(lower))) {
                    continue;
                }
                String effective = name;
                if (lower.startsWith(CUSTOM_PREFIX)) {
                    effective = name.substring(CUSTOM_PREFIX.length()).strip();
                    if (effective.isEmpty() || RowValues.STANDARD.contains(effective.toLowerCase(Locale.ROOT))) {
                        throw new ImportException("column '" + name + "' must name a custom field (not empty, not a"
                                + " standard column); nothing was imported");
                    }
                }
                String key = effective.toLowerCase(Locale.ROOT);
                if (!seen.add(key)) {
                    throw new ImportException("column '" + name + "' appears twice in the header; nothing was"
                            + " imported");
                }
                names.add(RowValues.STANDARD.contains(key) && effective.equals(name) ? key : effective);
                columns.add(i);
            }
            if (!names.contains("contact_info")) {
                throw new ImportException("no contact_info column in the header (found: " + preview(raw)
                        + "); a calling list needs one; nothing was imported");
            }
            return new Header(List.copyOf(names), columns.stream().mapToInt(Integer::intValue).toArray(),
                    raw.size(), export);
        }

        private static String stripBom(String name) {
            return name.startsWith("\uFEFF") ? name.substring(1) : name; // written by spreadsheet exports
        }

        /** The kept columns' values of {@code row}, the export's text escaping undone. */
        List<String> kept(List<String> row) {
            List<String> out = new ArrayList<>(columns.length);
            for (int i = 0; i < columns.length; i++) {
                String value = row.get(columns[i]);
                boolean text = !RowValues.STANDARD.contains(names.get(i));
                out.add(export && text && value.startsWith("'") ? value.substring(1) : value);
            }
            return out;
        }

        /** The number of fields every row must have (the header's, skipped columns included). */
        int size() {
            return width;
        }

        /** Shows what was found without flooding a log with binary junk from a file that is not CSV. */
        private static String preview(List<String> raw) {
            String joined = String.join(", ", raw).replaceAll("[^\\p{Print}]", "?");
            return joined.length() > 120 ? joined.substring(0, 120) + "..." : joined;
        }
    }
}
