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
 * A custom field named like one of the gateway's own columns ({@code note}, {@code agent_id}, ...) is exported as
 * {@code custom:<name>}, so both values are kept. A text cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is written with a leading {@code '}; a phone number such as
 * {@code +15550100} is not a formula and is kept as it is; a text starting with {@code '} gets one more, so the
 * escaping can be undone: re-importing an export takes one leading {@code '} off each custom text cell and gives the
 * same records. Blocking (JDBC): run it on the database pool.
 */
final class RecordExport {
    static final List<String> LAST_CONTACT = List.of("call_result_code", "disposition_code", "do_not_call", "note",
            "last_agent");
    /** How a custom field that collides with one of the gateway's columns is named in the export. */
    static final String CUSTOM_PREFIX = "custom:";
    private static final java.util.regex.Pattern PHONE_NUMBER = java.util.regex.Pattern.compile("[+-]?[0-9 ().-]+");

    private RecordExport() {
    }

    static String csv(CallingListStore store, String campaign) {
        List<CallingRecord> records = store.records(campaign);
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (CallingRecord r : records) {
            Map<String, Object> wire = r.toWire();
            // toWire() keeps a system field over a custom one of the same name: put the custom one back, renamed.
            r.customFields().forEach((name, value) -> {
                if (LAST_CONTACT.contains(name) || CallingRecord.WIRE_FIELDS.contains(name)) {
                    wire.put(CUSTOM_PREFIX + name, value);
                }
            });
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
                    values.add(neutralised(row.get(column)));
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A text cell a spreadsheet would evaluate, written so that it is shown as text (OWASP CSV injection). */
    static Object neutralised(Object value) {
        if (!(value instanceof String text) || text.isEmpty()) {
            return value;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        // A value that starts with ' gets one more, so that a re-import (which takes one off) gives it back.
        return first == '\'' || formula && !PHONE_NUMBER.matcher(text).matches() ? "'" + text : value;
    }
}
