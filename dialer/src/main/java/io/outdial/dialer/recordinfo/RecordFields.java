package io.outdial.dialer.recordinfo;

import io.outdial.dialer.refusal.Refused;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's Record Information fields: what a desktop shows, and the check of an agent's edit. Pure.
 */
public final class RecordFields {
    /** Longest text value kept. */
    static final int MAX_TEXT = 1000;

    /** A campaign with no Record Information fields. */
    public static final RecordFields NONE = new RecordFields(List.of());

    private final List<RecordField> fields;

    public RecordFields(List<RecordField> fields) {
        this.fields = List.copyOf(fields);
    }

    public List<RecordField> fields() {
        return fields;
    }

    /** The Record Information a desktop renders: each field with its type, editability and current value. */
    public List<Map<String, Object>> toWire(Map<String, String> customFields) {
        List<Map<String, Object>> wire = new ArrayList<>(fields.size());
        for (RecordField f : fields) {
            wire.add(f.toWire(customFields.get(f.name())));
        }
        return wire;
    }

    /**
     * The custom-field values to write for an agent's edit, as stored (check box {@code true}/{@code false},
     * date-time {@code 2026-11-21T16:30}, empty for a cleared field). All or nothing: the first bad value throws
     * a {@link Refused} ({@code BAD_RECORD_FIELD}) naming the field, and nothing is written.
     *
     * @param edit field name to JSON value (String, Boolean, Number or null)
     */
    public Map<String, String> check(Map<String, Object> edit) {
        if (edit == null || edit.isEmpty()) {
            throw bad(null, "fields must name at least one field to change");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : edit.entrySet()) {
            RecordField field = find(e.getKey());
            if (field == null) {
                throw bad(e.getKey(), "is not a Record Information field of this campaign"
                        + (fields.isEmpty() ? " (it has none)" : "; its fields are " + names()));
            }
            if (!field.editable()) {
                throw bad(field.name(), "is read-only");
            }
            out.put(field.name(), value(field, e.getValue()));
        }
        return out;
    }

    private static String value(RecordField field, Object raw) {
        String text = raw == null ? "" : raw instanceof String s ? s.trim() : null;
        if (text != null && text.isEmpty()) {
            if (field.required()) {
                throw bad(field.name(), "is required and cannot be emptied");
            }
            return "";
        }
        switch (field.type()) {
            case TEXT:
                if (text == null) {
                    throw bad(field.name(), "is a text field: give a string, got " + raw);
                }
                if (text.length() > MAX_TEXT) {
                    throw bad(field.name(), "is " + text.length() + " characters long; at most " + MAX_TEXT);
                }
                return text;
            case CHECKBOX:
                if (raw instanceof Boolean b) {
                    return b.toString();
                }
                if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                    return text.toLowerCase(java.util.Locale.ROOT);
                }
                throw bad(field.name(), "is a check box: give true or false, got '" + raw + "'");
            case DATETIME:
                try {
                    return LocalDateTime.parse(text == null ? String.valueOf(raw) : text).toString();
                } catch (DateTimeParseException ex) {
                    throw bad(field.name(), "is a date and time such as 2026-11-21T16:30, got '" + raw + "'");
                }
            case DROPDOWN:
                if (text == null || !field.options().contains(text)) {
                    throw bad(field.name(), "must be one of " + String.join(", ", field.options()) + ", got '"
                            + raw + "'");
                }
                return text;
            default:
                throw new IllegalStateException("unknown field type " + field.type());
        }
    }

    private RecordField find(String name) {
        for (RecordField f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private String names() {
        return String.join(", ", fields.stream().map(RecordField::name).toList());
    }

    /** An edit refused: the refusal's field names the field (null when the edit as a whole is wrong). */
    private static Refused bad(String field, String why) {
        return new Refused(Refused.Why.BAD_RECORD_FIELD, field == null ? why : "field '" + field + "' " + why, field);
    }
}
