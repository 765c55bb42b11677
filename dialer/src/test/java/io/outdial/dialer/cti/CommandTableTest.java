package io.outdial.dialer.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {

    @Test
    void aTableMissingCommandsIsRefusedWithTheirNames() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CommandTable.builder()
                .on(CtiCommand.Ready.class, (agent, r, channel) -> { })
                .build());
        assertTrue(e.getMessage().startsWith("CTI commands without a handler: ["), e.getMessage());
        assertTrue(e.getMessage().contains("NotReady") && e.getMessage().contains("CancelConsult"), e.getMessage());
        assertTrue(!e.getMessage().contains("[Ready,") && !e.getMessage().contains(" Ready,"), "Ready has one");
    }

    @Test
    void aCommandGivenTwoHandlersIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CommandTable.builder()
                .on(CtiCommand.Ready.class, (agent, r, channel) -> { })
                .on(CtiCommand.Ready.class, (agent, r, channel) -> { }));
        assertEquals("CTI command Ready has two handlers", e.getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aCompleteTableRoutesEachCommandToItsOwnHandler() {
        List<String> handled = new ArrayList<>();
        CommandTable.Builder builder = CommandTable.builder();
        for (Class<?> type : CtiCommand.class.getPermittedSubclasses()) {
            builder.on((Class) type, (agent, command, channel) -> handled.add(type.getSimpleName()));
        }
        CommandTable table = builder.build();
        assertEquals(CtiCommand.class.getPermittedSubclasses().length, table.routed().size());
        table.dispatch(null, new CtiCommand.Hold("r1", "ix-1"), null);
        table.dispatch(null, new CtiCommand.Retrieve("r2", "ix-1"), null);
        assertEquals(List.of("Hold", "Retrieve"), handled);
    }
}
