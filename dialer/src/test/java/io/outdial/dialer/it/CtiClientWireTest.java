package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.outdial.bridge.cti.CtiCodec;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.json.BridgeJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The commands the IT desktops send as records reach the gateway as the same commands, spelt as the protocol says. */
class CtiClientWireTest {

    private final ObjectWriter writer = BridgeJson.newMapper().writerFor(CtiCommand.class);
    private final CtiCodec codec = new CtiCodec();

    @Test
    void aCommandIsSpeltWithItsTypeAndWithoutNullFields() throws Exception {
        assertEquals("{\"type\":\"Ready\",\"requestId\":\"2\"}", writer.writeValueAsString(new CtiCommand.Ready("2")));
        assertEquals("{\"type\":\"Login\",\"requestId\":\"1\",\"agentId\":\"ann\",\"secret\":\"s3cret\"}",
                writer.writeValueAsString(new CtiCommand.Login("1", "ann", "s3cret", null)));
    }

    @Test
    void theCommandsTheItsOnceSpeltByHandAreSpeltTheSame() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("notes", "prefers mornings");
        fields.put("vip", true);
        Map<String, CtiCommand> spelt = new LinkedHashMap<>();
        spelt.put("{\"type\":\"Login\",\"requestId\":\"l-ann\",\"agentId\":\"ann\",\"secret\":\"s3cret\","
                + "\"phone\":\"sip:ann@127.0.0.1:5070\"}",
                new CtiCommand.Login("l-ann", "ann", "s3cret", "sip:ann@127.0.0.1:5070"));
        spelt.put("{\"type\":\"Call\",\"requestId\":\"c\",\"interactionId\":\"ix-1\"}", new CtiCommand.Call("c", "ix-1"));
        spelt.put("{\"type\":\"Transfer\",\"requestId\":\"a2\",\"interactionId\":\"ix-1\",\"agentId\":\"bob\"}",
                new CtiCommand.Transfer("a2", "ix-1", "bob", null));
        spelt.put("{\"type\":\"Consult\",\"requestId\":\"a3\",\"interactionId\":\"ix-1\",\"agentId\":\"bob\"}",
                new CtiCommand.Consult("a3", "ix-1", "bob", null));
        spelt.put("{\"type\":\"ChangeNumber\",\"requestId\":\"both\",\"interactionId\":\"ix-1\",\"recordId\":7,"
                + "\"phone\":\"2005550999\"}", new CtiCommand.ChangeNumber("both", "ix-1", 7L, "2005550999", null));
        spelt.put("{\"type\":\"SetCallResult\",\"requestId\":\"a5\",\"interactionId\":\"ix-1\","
                + "\"callResult\":\"ANSWER\"}", new CtiCommand.SetCallResult("a5", "ix-1", "ANSWER"));
        spelt.put("{\"type\":\"SetDisposition\",\"requestId\":\"sd1\",\"interactionId\":\"ix-1\","
                + "\"dispositionCode\":\"NoSale\",\"note\":\"call back\"}",
                new CtiCommand.SetDisposition("sd1", "ix-1", "NoSale", null, "call back"));
        spelt.put("{\"type\":\"ScheduleCallback\",\"requestId\":\"s1\",\"interactionId\":\"ix-1\","
                + "\"at\":\"2030-01-01T10:00\",\"personal\":true,\"phone\":\"200-555-0122\","
                + "\"phoneType\":\"Mobile\"}",
                new CtiCommand.ScheduleCallback("s1", "ix-1", "2030-01-01T10:00", true, "200-555-0122", "Mobile"));
        spelt.put("{\"type\":\"UpdateRecordFields\",\"requestId\":\"u1\",\"interactionId\":\"ix-1\","
                + "\"fields\":{\"notes\":\"prefers mornings\",\"vip\":true}}",
                new CtiCommand.UpdateRecordFields("u1", "ix-1", fields));
        spelt.put("{\"type\":\"Logout\",\"requestId\":\"r8\"}", new CtiCommand.Logout("r8"));
        for (Map.Entry<String, CtiCommand> e : spelt.entrySet()) {
            assertEquals(e.getKey(), writer.writeValueAsString(e.getValue()));
        }
    }

    @Test
    void everyKindOfCommandTheItsSendDecodesToItself() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("notes", "never written");
        fields.put("vip", "maybe");
        for (CtiCommand c : List.of(new CtiCommand.MarkDone("3", "ix-1"), new CtiCommand.Transfer("a2", "ix-1", "bob",
                        null), new CtiCommand.SetDisposition("d", "ix-1", "SALE", true, "call back"),
                new CtiCommand.ChangeNumber("c", "ix-1", 7L, null, null), new CtiCommand.GetRecord("g", "pv"),
                new CtiCommand.Login("1", "ann", "s3cret", "sip:ann@127.0.0.1:5070"),
                new CtiCommand.Call("c1", "ix-1"), new CtiCommand.Recall("r", "ix-1"),
                new CtiCommand.ChangeNumber("both", "ix-1", 7L, "2005550999", null),
                new CtiCommand.Consult("a3", "ix-1", "bob", null), new CtiCommand.Conference("r6", "ix-1", null, null),
                new CtiCommand.Transfer("r4", "ix-1", null, null), new CtiCommand.CompleteTransfer("a2", "ix-1"),
                new CtiCommand.CompleteConference("a6", "ix-1"), new CtiCommand.CancelConsult("a4", "ix-1"),
                new CtiCommand.Hold("a4", "ix-1"), new CtiCommand.SetCallResult("a5", "ix-1", "ANSWER"),
                new CtiCommand.ReleaseCall("r3", "ix-1"), new CtiCommand.Logout("r8"),
                new CtiCommand.ScheduleCallback("s1", "ix-1", "2030-01-01T10:00", null, null, null),
                new CtiCommand.ScheduleCallback("s1", "ix-1", "2030-01-01T10:00", true, "200-555-0122", "Mobile"),
                new CtiCommand.UpdateRecordFields("u1", "ix-1", fields), new CtiCommand.DoneAndStop("d1", "ix-1"),
                new CtiCommand.Accept("ac", "ix-1"), new CtiCommand.Reject("rj", "ix-1"),
                new CtiCommand.GetContactHistory("h1", "ix-1"))) {
            assertEquals(c, codec.decode(writer.writeValueAsString(c)));
        }
    }
}
