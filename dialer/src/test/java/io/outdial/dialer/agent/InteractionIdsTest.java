package io.outdial.dialer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.dialer.agent.InteractionIds.Owner;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InteractionIdsTest {

    @Test
    void eachOwnerCountsItsOwnIdsAndTheIdNamesItsOwner() {
        InteractionIds ids = new InteractionIds();
        assertEquals("ix-1", ids.next(Owner.PROGRESSIVE));
        assertEquals("px-1", ids.next(Owner.PREDICTIVE));
        assertEquals("ix-2", ids.next(Owner.PROGRESSIVE));
        assertEquals("pp-1", ids.next(Owner.PUSH_PREVIEW));
        for (Owner o : Owner.values()) {
            assertEquals(Optional.of(o), Owner.of(ids.next(o)));
        }
        assertEquals(Optional.empty(), Owner.of("zz-1"));
        assertEquals(Optional.empty(), Owner.of(null));
    }
}
