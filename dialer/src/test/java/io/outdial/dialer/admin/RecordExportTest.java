package io.outdial.dialer.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.store.CallingListStore;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordExportTest {

    private final CallingListStore store = CallingListStore.open("jdbc:h2:mem:" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1", "sa", "", 2);

    @AfterEach
    void close() {
        store.close();
    }

    private List<CSVRecord> export() throws IOException {
        try (CSVParser p = CSVParser.parse(RecordExport.csv(store, "c1"), CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void aCustomFieldNamedLikeAGatewayColumnIsKeptBesideIt() throws IOException {
        store.importCsv("c1", new StringReader("contact_info,note,first_name\n2005550101,gate code 4411,Ann\n"));
        CSVRecord row = export().get(0);
        assertEquals("gate code 4411", row.get("custom:note"), "the list's own note");
        assertEquals("", row.get("note"), "the Mark Done note column is still there (no call yet)");
        assertEquals("Ann", row.get("first_name"));
        Map<String, String> all = row.toMap();
        assertTrue(all.containsKey("note") && all.containsKey("custom:note"), all.toString());
    }

    @Test
    void formulaCellsAreNeutralisedAndPhoneNumbersKept() throws IOException {
        store.importCsv("c1", new StringReader("contact_info,company,memo,at\n"
                + "+15550100,=cmd|'/C calc'!A0,-2+3,@SUM(A1)\n"));
        CSVRecord row = export().get(0);
        assertEquals("'=cmd|'/C calc'!A0", row.get("company"));
        assertEquals("'-2+3", row.get("memo"));
        assertEquals("'@SUM(A1)", row.get("at"));
        assertTrue(row.get("contact_info").endsWith("15550100") && !row.get("contact_info").startsWith("'"),
                row.get("contact_info"));
    }

    @Test
    void neutralisingLeavesPlainTextNumbersAndNullsAlone() {
        assertEquals("Ann", RecordExport.neutralised("Ann"));
        assertEquals("+44 20 7946 0958", RecordExport.neutralised("+44 20 7946 0958"));
        assertEquals("-12.5", RecordExport.neutralised("-12.5"));
        assertEquals("'\tinjected", RecordExport.neutralised("\tinjected"));
        assertEquals("''quoted", RecordExport.neutralised("'quoted"), "escaped, so that a re-import gives it back");
        assertEquals(7, RecordExport.neutralised(7));
        assertEquals(null, RecordExport.neutralised(null));
    }

    /** What an import keeps of a record: its contact data and its own fields, not what a run made of it. */
    private static List<Object> data(io.outdial.dialer.store.CallingRecord r) {
        return List.of(r.contactInfo(), r.contactInfoType(), r.recordType(), String.valueOf(r.dialSchedTime()),
                r.dailyFrom(), r.dailyTill(), r.tz(), String.valueOf(r.chainId()), r.chainN(), r.customFields());
    }

    @Test
    void importThenExportThenImportGivesTheSameRecords() {
        String list = "contact_info,contact_info_type,record_type,tz,daily_from,daily_till,chain_id,chain_n,"
                + "dial_sched_time,first_name,note,agent_id,record_status,company,memo\n"
                + "2005550101,Mobile,Campaign Rescheduled,Europe/Paris,09:30,64800,ch-7,2,2030-01-02T10:00:00Z,"
                + "Zoé,\"gate code 4411, ring twice\",a-77,VIP,=cmd|'/C calc'!A0,'quoted\n"
                + "+15550102,,,,,,,,,Bob,,,,,\n";
        store.importCsv("c1", new StringReader(list));
        String exported = RecordExport.csv(store, "c1");
        io.outdial.dialer.store.ImportReport again = store.importCsv("c2", new StringReader(exported));

        assertEquals(List.of(), again.rejected(), exported);
        List<io.outdial.dialer.store.CallingRecord> first = store.records("c1");
        List<io.outdial.dialer.store.CallingRecord> second = store.records("c2");
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(data(first.get(i)), data(second.get(i)), "record " + i + " after the round trip:\n"
                    + exported);
        }
        Map<String, String> custom = second.get(0).customFields();
        assertEquals("a-77", custom.get("agent_id"), "a list's own agent_id column is data, kept both ways");
        assertEquals("VIP", custom.get("record_status"));
        assertEquals("=cmd|'/C calc'!A0", custom.get("company"), "the export's neutralisation is undone");
        assertEquals("'quoted", custom.get("memo"), "a value of the list's own that starts with ' is kept");
        assertEquals(io.outdial.dialer.record.RecordStatus.READY, second.get(0).status());
        assertEquals(null, second.get(0).agentId(), "the re-imported record belongs to no agent");
    }
}
