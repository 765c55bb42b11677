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
        assertEquals(7, RecordExport.neutralised(7));
        assertEquals(null, RecordExport.neutralised(null));
    }
}
