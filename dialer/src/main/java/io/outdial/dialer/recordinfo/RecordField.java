package io.outdial.dialer.recordinfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Record Information field of a campaign ({@code campaigns[i].recordFields[j]}): a custom field of the calling
 * list shown to agents.
 *
 * @param name     the custom field (CSV column) it shows and edits
 * @param label    what the desktop shows
 * @param type     text, checkbox, datetime or dropdown
 * @param options  a drop-down's choices (empty for the other types)
 * @param editable whether the agent may change it (UpdateRecordFields)
 * @param required whether an edit may leave it empty
 */
public record RecordField(String name, String label, FieldType type, List<String> options, boolean editable,
                          boolean required) {

    public RecordField {
        options = List.copyOf(options);
    }

    /** The field as the CTI Interaction carries it, with the record's current value (null when empty). */
    public Map<String, Object> toWire(String value) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("name", name);
        wire.put("label", label);
        wire.put("type", type.wireName());
        if (type == FieldType.DROPDOWN) {
            wire.put("options", options);
        }
        wire.put("editable", editable);
        wire.put("required", required);
        wire.put("value", value == null || value.isEmpty() ? null : value);
        return wire;
    }
}
