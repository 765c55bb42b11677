package io.outdial.dialer.recordinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.dialer.cti.CtiWire;
import io.outdial.dialer.refusal.Refused;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFieldsTest {
    private final RecordFields fields = new RecordFields(List.of(
            new RecordField("name", "Name", FieldType.TEXT, List.of(), false, true),
            new RecordField("notes", "Notes", FieldType.TEXT, List.of(), true, false),
            new RecordField("vip", "VIP", FieldType.CHECKBOX, List.of(), true, false),
            new RecordField("visit", "Visit", FieldType.DATETIME, List.of(), true, true),
            new RecordField("plan", "Plan", FieldType.DROPDOWN, List.of("Gold", "Silver"), true, false)));

    private Refused refused(Map<String, Object> edit) {
        return assertThrows(Refused.class, () -> fields.check(edit));
    }

    @Test
    void goodValuesAreNormalisedForStorage() {
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("notes", "  call after 5 ");
        edit.put("vip", true);
        edit.put("visit", "2026-11-21T16:30");
        edit.put("plan", "Silver");
        assertEquals(Map.of("notes", "call after 5", "vip", "true", "visit", "2026-11-21T16:30", "plan", "Silver"),
                fields.check(edit));
        assertEquals("false", fields.check(Map.of("vip", "FALSE")).get("vip"));
        assertEquals("2026-11-21T16:30:15", fields.check(Map.of("visit", "2026-11-21T16:30:15")).get("visit"));
    }

    @Test
    void eachKindOfBadValueNamesItsField() {
        Refused date = refused(Map.of("visit", "21/11/2026 16:30"));
        assertEquals("visit", date.field());
        assertEquals(CtiErrorCodes.INVALID_RECORD_FIELD, CtiWire.code(date.why()));
        assertTrue(date.getMessage().contains("date and time"), date.getMessage());

        Refused option = refused(Map.of("plan", "Bronze"));
        assertEquals("plan", option.field());
        assertTrue(option.getMessage().contains("one of Gold, Silver"), option.getMessage());

        Refused readOnly = refused(Map.of("name", "Bob"));
        assertEquals("name", readOnly.field());
        assertTrue(readOnly.getMessage().contains("read-only"));

        Refused unknown = refused(Map.of("shoeSize", "42"));
        assertEquals("shoeSize", unknown.field());
        assertTrue(unknown.getMessage().contains("not a Record Information field"));

        assertEquals("vip", refused(Map.of("vip", "maybe")).field());
        assertEquals("notes", refused(Map.of("notes", 42)).field());
        assertEquals("notes", refused(Map.of("notes", "x".repeat(RecordFields.MAX_TEXT + 1))).field());
    }

    @Test
    void requiredFieldsCannotBeEmptiedOthersCan() {
        Map<String, Object> clear = new HashMap<>();
        clear.put("visit", null);
        assertEquals("visit", refused(clear).field());
        assertEquals("visit", refused(Map.of("visit", " ")).field());
        Map<String, Object> clearNotes = new HashMap<>();
        clearNotes.put("notes", null);
        assertEquals(Map.of("notes", ""), fields.check(clearNotes));
    }

    @Test
    void oneBadValueRefusesTheWholeEdit() {
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("notes", "fine");
        edit.put("plan", "Bronze");
        assertEquals("plan", refused(edit).field());
        Refused empty = refused(Map.of());
        assertNull(empty.field());
    }

    @Test
    void theWireListsTypeEditabilityOptionsAndValue() {
        List<Map<String, Object>> wire = fields.toWire(Map.of("name", "Ann Lee", "plan", "Gold", "notes", ""));
        assertEquals(5, wire.size());
        assertEquals("Ann Lee", wire.get(0).get("value"));
        assertEquals(false, wire.get(0).get("editable"));
        assertEquals("text", wire.get(0).get("type"));
        assertNull(wire.get(1).get("value"));
        assertEquals("checkbox", wire.get(2).get("type"));
        assertEquals("datetime", wire.get(3).get("type"));
        assertEquals(List.of("Gold", "Silver"), wire.get(4).get("options"));
        assertFalse(wire.get(3).containsKey("options"));
    }
}
