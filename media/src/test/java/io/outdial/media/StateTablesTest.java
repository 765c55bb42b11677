package io.outdial.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.state.StateTableContract;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state enum of media passes the one transition-table contract (found from the compiled classes). */
class StateTablesTest {

    static Stream<Class<?>> stateEnums() {
        List<Class<?>> found = StateTableContract.stateEnumsUnder(Path.of("target/classes"));
        assertTrue(found.stream().anyMatch(c -> c.getName().equals("io.outdial.media.dtmf.DtmfSender$State")), "the finder must see the DTMF sender's states: " + found);
        return found.stream();
    }

    @ParameterizedTest
    @MethodSource("stateEnums")
    void tableHoldsTheContract(Class<?> stateEnum) {
        StateTableContract.checkFound(stateEnum);
    }
}
