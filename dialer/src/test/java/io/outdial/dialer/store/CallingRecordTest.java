package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallingRecordTest {

    private static CallingRecord record(Map<String, String> custom) {
        return new CallingRecord(7, "c1", "2005550101", "Mobile", RecordType.GENERAL, RecordStatus.UPDATED,
                CallResult.BUSY, 1, null, Instant.parse("2030-06-01T12:00:05Z"), 28800, 75600, "America/New_York",
                "agent1", "ch-1", 0, custom);
    }

    @Test
    void wireFormHasSnakeCaseStandardFieldsThenCustomFields() {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("first_name", "Ann");
        custom.put("balance", "12.50");

        Map<String, Object> wire = record(custom).toWire();

        assertEquals(List.of("record_id", "campaign", "contact_info", "contact_info_type", "record_type",
                "record_status", "call_result", "attempt", "dial_sched_time", "call_time", "daily_from", "daily_till",
                "tz", "agent_id", "chain_id", "chain_n", "first_name", "balance"), List.copyOf(wire.keySet()));
        assertEquals(7L, wire.get("record_id"));
        assertEquals("UPDATED", wire.get("record_status"));
        assertEquals("BUSY", wire.get("call_result"));
        assertEquals("2030-06-01T12:00:05Z", wire.get("call_time"));
        assertEquals(null, wire.get("dial_sched_time"));
        assertEquals("Ann", wire.get("first_name"));
    }

    @Test
    void customFieldNeverHidesAStandardOne() {
        assertEquals("2005550101", record(Map.of("contact_info", "forged")).toWire().get("contact_info"));
    }

    @Test
    void callingHoursAreCheckedInTheContactsOwnTimeZone() {
        CallingRecord newYork = record(Map.of()); // 08:00-21:00 America/New_York (UTC-4 in June)

        assertFalse(newYork.isWithinCallingHours(Instant.parse("2030-06-01T11:59:59Z")));
        assertTrue(newYork.isWithinCallingHours(Instant.parse("2030-06-01T12:00:00Z")));
        assertTrue(newYork.isWithinCallingHours(Instant.parse("2030-06-02T00:59:59Z")));
        assertFalse(newYork.isWithinCallingHours(Instant.parse("2030-06-02T01:00:00Z")));
    }

    @Test
    void sampleListImportsWholeAndCoversEveryDemoOutcome() throws IOException {
        try (CallingListStore store = InMemoryStore.open()) {
            String csv = Files.readString(Path.of("config", "sample-list.csv"), StandardCharsets.UTF_8);

            assertEquals(10, load(store, "sample", csv).imported());

            List<CallingRecord> records = store.records("sample");
            // The demo's SIPp contact farm answers by the dialed number's prefix.
            for (String prefix : List.of("200", "486", "404", "480", "999", "503")) {
                assertTrue(records.stream().anyMatch(r -> r.contactInfo().startsWith(prefix)), prefix);
            }
            assertTrue(records.stream().allMatch(r -> r.contactInfo().matches("(200|486|404|480|999|503)\\d{7}")),
                    "every number is plain digits with an outcome prefix after normalisation");
            assertEquals("Chen, Jr.", records.get(2).customFields().get("last_name"));
            assertTrue(records.stream().allMatch(r -> r.dailyFrom() == 0 && r.dailyTill() == 86_400),
                    "the demo dials at any hour");
        }
    }

    @Test
    void reopeningADatabaseKeepsItsRecordsAndDoesNotMigrateTwice() {
        String url = InMemoryStore.newUrl();
        try (CallingListStore first = CallingListStore.open(url, InMemoryStore.user(), "", 2)) {
            load(first, "c1", "contact_info\n2005550101\n");
        }
        try (CallingListStore again = CallingListStore.open(url, InMemoryStore.user(), "", 2)) {
            assertEquals(1, again.records("c1").size());
        }
    }
}
