package io.outdial.dialer.admin;

import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactHistoryEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /api/campaigns/{name}/export}: every record of a campaign with its result, as CSV. The columns are the
 * record's standard fields, its custom fields (the union over the records, in first-seen order), the result's
 * numeric code, then what the last agent recorded at Mark Done (disposition code, do-not-call wish, note, agent).
 * Blocking (JDBC): run it on the database pool.
 */
final class RecordExport {
    static final List<String> LAST_CONTACT = List.of("call_result_code", "disposition_code", "do_not_call", "note",
            "last_agent");

    private RecordExport() {
    }

    static String csv(CallingListStore store, String campaign) {
        List<CallingRecord> records = store.records(campaign);
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (CallingRecord r : records) {
            Map<String, Object> wire = r.toWire();
            columns.addAll(wire.keySet());
            List<ContactHistoryEntry> history = store.ledger().history(r.recordId());
            ContactHistoryEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
            wire.put("call_result_code", r.callResult().code());
            wire.put("disposition_code", last == null ? null : last.dispositionCode());
            wire.put("do_not_call", last == null ? null : last.doNotCall());
            wire.put("note", last == null ? null : last.note());
            wire.put("last_agent", last == null ? null : last.agentId());
            rows.add(wire);
        }
        columns.addAll(LAST_CONTACT);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(columns.toArray(String[]::new)).build())) {
            for (Map<String, Object> row : rows) {
                List<Object> values = new ArrayList<>(columns.size());
                for (String column : columns) {
                    values.add(row.get(column));
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
