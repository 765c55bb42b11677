package io.outdial.dialer.store;

import static io.outdial.dialer.store.InMemoryStore.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.ImportReport.RejectedRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    private final CallingListStore store = InMemoryStore.open();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void rowWithOnlyANumberBecomesAReadyRecordWithEveryDefault() {
        ImportReport report = load(store, "c1", "contact_info\n2005550101\n");

        assertEquals(new ImportReport(1, List.of()), report);
        CallingRecord r = store.records("c1").get(0);
        assertEquals("c1", r.campaign());
        assertEquals("2005550101", r.contactInfo());
        assertEquals("Home", r.contactInfoType());
        assertEquals(RecordType.GENERAL, r.recordType());
        assertEquals(RecordStatus.READY, r.status());
        assertEquals(CallResult.UNKNOWN, r.callResult());
        assertEquals(0, r.attempt());
        assertNull(r.dialSchedTime());
        assertNull(r.callTime());
        assertEquals(28800, r.dailyFrom());
        assertEquals(75600, r.dailyTill());
        assertEquals("UTC", r.tz());
        assertNull(r.agentId());
        assertNull(r.chainId());
        assertEquals(0, r.chainN());
        assertTrue(r.customFields().isEmpty());
    }

    @Test
    void standardColumnsAreReadAndEveryOtherColumnIsACustomFieldInFileOrder() {
        load(store, "c1", """
                account,Contact_Info,contact_info_type,record_type,tz,daily_from,daily_till,chain_id,chain_n,\
                dial_sched_time,first_name
                A-1,2005550101,direct_business,Campaign Rescheduled,Europe/Paris,09:30,64800,ch-7,2,\
                2030-01-02T10:00:00Z,Zoé
                """);

        CallingRecord r = store.records("c1").get(0);
        assertEquals("Direct Business", r.contactInfoType());
        assertEquals(RecordType.CAMPAIGN_RESCHEDULED, r.recordType());
        assertEquals("Europe/Paris", r.tz());
        assertEquals(9 * 3600 + 30 * 60, r.dailyFrom());
        assertEquals(64800, r.dailyTill());
        assertEquals("ch-7", r.chainId());
        assertEquals(2, r.chainN());
        assertEquals(Instant.parse("2030-01-02T10:00:00Z"), r.dialSchedTime());
        assertEquals(List.of("account", "first_name"), List.copyOf(r.customFields().keySet()));
        assertEquals(Map.of("account", "A-1", "first_name", "Zoé"), r.customFields());
    }

    @Test
    void localDialSchedTimeIsReadInTheRecordsTimeZone() {
        load(store, "c1", "contact_info,tz,dial_sched_time\n2005550101,America/New_York,2030-07-01T09:00\n");

        assertEquals(Instant.parse("2030-07-01T13:00:00Z"), store.records("c1").get(0).dialSchedTime());
    }

    @Test
    void recordsWithoutTzTakeTheStoresDefaultZone() {
        try (CallingListStore newYork = InMemoryStore.open(ZoneId.of("America/New_York"))) {
            load(newYork, "c1", "contact_info\n2005550101\n");

            assertEquals("America/New_York", newYork.records("c1").get(0).tz());
        }
    }

    @Test
    void numbersLoseTheirSpacesDashesDotsAndParentheses() {
        load(store, "c1", "contact_info\n(800) 555-0100\n+44 20 7946.0958\n");

        assertEquals(List.of("8005550100", "+442079460958"),
                store.records("c1").stream().map(CallingRecord::contactInfo).toList());
    }

    @Test
    void badRowsAreRefusedWithTheirLineAndReasonWhileGoodRowsAreKept() {
        ImportReport report = load(store, "c1", """
                contact_info,tz,daily_from,daily_till,contact_info_type,record_type,chain_n,dial_sched_time,note
                2005550101,,,,,,,,good
                12,,,,,,,,too short
                20055501x2,,,,,,,,letters
                ,,,,,,,,missing
                2005550105,Mars/Olympus,,,,,,,bad zone
                2005550106,,25:00,,,,,,bad hour
                2005550107,,21:00,08:00,,,,,window backwards
                2005550108,,,,Fax,,,,bad type
                2005550109,,,,,Urgent,,,bad record type
                2005550110,,,,,,-1,,bad chain
                2005550111,,,,,,,tomorrow,bad date
                2005550112,too,few
                2005550113,,,,,,,,good too
                """);

        assertEquals(2, report.imported());
        assertEquals(List.of(
                new RejectedRow(3, "contact_info: must be 3..20 digits with an optional leading + (spaces, dashes,"
                        + " dots and parentheses are ignored), got '12'"),
                new RejectedRow(4, "contact_info: must be 3..20 digits with an optional leading + (spaces, dashes,"
                        + " dots and parentheses are ignored), got '20055501x2'"),
                new RejectedRow(5, "contact_info: is required"),
                new RejectedRow(6, "tz: must be an IANA time zone id such as America/New_York, got 'Mars/Olympus'"),
                new RejectedRow(7, "daily_from: must be HH:MM (00:00..24:00) or seconds since midnight (0..86400),"
                        + " got '25:00'"),
                new RejectedRow(8, "daily_from: must be before daily_till (08:00), got '21:00'"),
                new RejectedRow(9, "contact_info_type: must be one of No Contact Type, Home, Direct Business,"
                        + " Business with Ext, Mobile, Vacation, Pager, Modem, Voice Mail, Pin Pager, got 'Fax'"),
                new RejectedRow(10, "record_type: must be one of general, campaign_rescheduled, personal_rescheduled,"
                        + " personal_callback, campaign_callback, no_call, got 'Urgent'"),
                new RejectedRow(11, "chain_n: must be a whole number in 0..99999, got '-1'"),
                new RejectedRow(12, "dial_sched_time: must be an ISO-8601 date-time such as 2025-03-01T14:00:00Z"
                        + " or 2025-03-01T14:00 (in the record's tz), got 'tomorrow'"),
                new RejectedRow(13, "has 3 fields, the header has 9")), report.rejected());
        assertEquals(List.of("good", "good too"),
                store.records("c1").stream().map(r -> r.customFields().get("note")).toList());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndLineNumbersCountThem() {
        ImportReport report = load(store, "c1", "contact_info,name,note\r\n"
                + "2005550101,\"Chen, Jr.\",\"said \"\"call me\"\"\"\r\n"
                + "\r\n"
                + "2005550102,Ann,\"two\r\nlines\"\r\n"
                + "bad,Bob,x\r\n");

        assertEquals(List.of(new RejectedRow(6, "contact_info: must be 3..20 digits with an optional leading +"
                + " (spaces, dashes, dots and parentheses are ignored), got 'bad'")), report.rejected());
        List<CallingRecord> records = store.records("c1");
        assertEquals(Map.of("name", "Chen, Jr.", "note", "said \"call me\""), records.get(0).customFields());
        assertEquals("two\r\nlines", records.get(1).customFields().get("note"));
    }

    @Test
    void byteOrderMarkOfSpreadsheetExportsIsIgnored() {
        assertEquals(1, load(store, "c1", "\uFEFFcontact_info,name\n2005550101,Ann\n").imported());
    }

    @Test
    void fileWithoutAContactInfoColumnImportsNothing() {
        ImportException e = assertThrows(ImportException.class,
                () -> load(store, "c1", "phone,name\n2005550101,Ann\n"));

        assertEquals("no contact_info column in the header (found: phone, name); a calling list needs one;"
                + " nothing was imported", e.getMessage());
        assertTrue(store.records("c1").isEmpty());
    }

    @Test
    void fileThatIsNotCsvAtAllGetsOneClearErrorAndImportsNothing() {
        ImportException e = assertThrows(ImportException.class,
                () -> load(store, "c1", "PK\u0003\u0004\u0000\u0001binary junk\n\u0007\u0008"));

        assertTrue(e.getMessage().startsWith("no contact_info column in the header (found: PK????"), e.getMessage());
        assertTrue(store.records("c1").isEmpty());
    }

    @Test
    void emptyFileIsRefused() {
        ImportException e = assertThrows(ImportException.class, () -> load(store, "c1", ""));
        assertEquals("the file is empty: a calling list needs a header row with a contact_info column",
                e.getMessage());
    }

    @Test
    void brokenQuotingImportsNothingNotEvenTheRowsBeforeIt() {
        ImportException e = assertThrows(ImportException.class,
                () -> load(store, "c1", "contact_info,name\n2005550101,Ann\n2005550102,\"Bob\n2005550103,Cy\n"));

        assertEquals("not a readable CSV file: line 3: EOF reached before encapsulated token finished;"
                + " nothing was imported", e.getMessage());
        assertTrue(store.records("c1").isEmpty());
    }

    @Test
    void aColumnNamedLikeOneTheDialerSetsIsTheListsOwnData() {
        load(store, "c1", "contact_info,attempt,agent_id\n2005550101,5,rep-9\n");
        CallingRecord r = store.records("c1").get(0);
        assertEquals(0, r.attempt(), "the dialer's own count starts at 0");
        assertNull(r.agentId(), "the record belongs to no agent");
        assertEquals(Map.of("attempt", "5", "agent_id", "rep-9"), r.customFields());
    }

    @Test
    void aCustomPrefixNamesACustomFieldAndCannotShadowAStandardColumn() {
        load(store, "c1", "contact_info,custom:note\n2005550101,side door\n");
        assertEquals(Map.of("note", "side door"), store.records("c1").get(0).customFields());
        ImportException e = assertThrows(ImportException.class,
                () -> load(store, "c2", "contact_info,custom:tz\n2005550101,x\n"));
        assertEquals("column 'custom:tz' must name a custom field (not empty, not a standard column); nothing was"
                + " imported", e.getMessage());
        ImportException twice = assertThrows(ImportException.class,
                () -> load(store, "c3", "contact_info,note,custom:note\n2005550101,a,b\n"));
        assertEquals("column 'custom:note' appears twice in the header; nothing was imported", twice.getMessage());
    }

    @Test
    void columnNamedTwiceIsRefused() {
        ImportException e = assertThrows(ImportException.class,
                () -> load(store, "c1", "contact_info,name,NAME\n2005550101,a,b\n"));
        assertEquals("column 'NAME' appears twice in the header; nothing was imported", e.getMessage());
    }

    @Test
    void headerColumnWithoutANameIsRefused() {
        ImportException e = assertThrows(ImportException.class,
                () -> load(store, "c1", "contact_info,,name\n2005550101,a,b\n"));
        assertEquals("header column 2 has no name; nothing was imported", e.getMessage());
    }

    @Test
    void importsAddToTheListOfTheirOwnCampaignOnly() {
        load(store, "c1", "contact_info\n2005550101\n2005550102\n");
        load(store, "c2", "contact_info\n2005550103\n");
        load(store, "c1", "contact_info\n2005550104\n");

        assertEquals(List.of("2005550101", "2005550102", "2005550104"),
                store.records("c1").stream().map(CallingRecord::contactInfo).toList());
        assertEquals(1, store.records("c2").size());
    }

    /** A calling list of {@code rows} rows made as it is read: the test holds no copy of the file. */
    private static java.io.Reader generated(int rows, int everyBad) {
        return new java.io.Reader() {
            private int next = -1;
            private String line = "contact_info,account,first_name\n";
            private int at;

            @Override
            public int read(char[] buf, int off, int len) {
                if (at == line.length()) {
                    if (++next >= rows) {
                        return -1;
                    }
                    boolean bad = everyBad > 0 && next % everyBad == everyBad - 1;
                    line = (bad ? "not-a-number" : String.valueOf(2_000_000_000L + next)) + ",A-" + next
                            + ",Name " + next + "\n";
                    at = 0;
                }
                int n = Math.min(len, line.length() - at);
                line.getChars(at, at + n, buf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aHundredThousandRowListIsImportedInOneStreamingPassWithProgress() {
        java.util.List<Long> progress = new java.util.ArrayList<>();
        ImportReport report = store.importCsv("big", generated(100_000, 0), progress::add);

        assertEquals(100_000, report.imported());
        assertEquals(0, report.refused());
        assertEquals(java.util.List.of(10_000L, 20_000L, 30_000L, 40_000L, 50_000L, 60_000L, 70_000L, 80_000L,
                90_000L, 100_000L), progress);
        List<CallingRecord> all = store.records("big");
        assertEquals(100_000, all.size());
        assertEquals("A-99999", all.get(99_999).customFields().get("account"));
    }

    @Test
    void refusedRowsAreAllCountedAndTheFirstThousandListed() {
        ImportReport report = store.importCsv("bad", generated(20_000, 4), rows -> { });

        assertEquals(15_000, report.imported());
        assertEquals(5_000, report.refused());
        assertEquals(ImportReport.MAX_LISTED, report.rejected().size());
        assertEquals(5, report.rejected().get(0).line(), "the 4th data row, after the header");
    }
}
