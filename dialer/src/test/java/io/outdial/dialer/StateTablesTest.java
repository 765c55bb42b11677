package io.outdial.dialer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.state.StateTableContract;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.call.CallPhase;
import io.outdial.dialer.record.RecordStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state enum of the dialer passes the one transition-table contract (found from the compiled classes). */
class StateTablesTest {

    static Stream<Class<?>> stateEnums() {
        List<Class<?>> found = StateTableContract.stateEnumsUnder(Path.of("target/classes"));
        assertTrue(found.containsAll(List.of(AgentState.class, CallPhase.class, RecordStatus.class)),
                "the finder must see the dialer's state enums: " + found);
        return found.stream();
    }

    @ParameterizedTest
    @MethodSource("stateEnums")
    void tableHoldsTheContract(Class<?> stateEnum) {
        StateTableContract.checkFound(stateEnum);
    }
}
