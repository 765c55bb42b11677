package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.outdial.bridge.cti.CtiCodec;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.json.BridgeJson;
import java.util.List;
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
    void everyKindOfCommandTheItsSendDecodesToItself() throws Exception {
        for (CtiCommand c : List.of(new CtiCommand.MarkDone("3", "ix-1"), new CtiCommand.Transfer("a2", "ix-1", "bob",
                        null), new CtiCommand.SetDisposition("d", "ix-1", "SALE", true, "call back"),
                new CtiCommand.ChangeNumber("c", "ix-1", 7L, null, null), new CtiCommand.GetRecord("g", "pv"))) {
            assertEquals(c, codec.decode(writer.writeValueAsString(c)));
        }
    }
}
