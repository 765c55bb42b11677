package io.outdial.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    enum Door implements State<Door> {
        OPEN, CLOSED, LOCKED, GONE;

        private static final Transitions<Door> MOVES = Transitions.of(Door.class, "door")
                .entry(CLOSED)
                .from(OPEN).to(CLOSED, GONE)
                .from(CLOSED).to(OPEN, LOCKED)
                .from(LOCKED).to(CLOSED)
                .terminal(GONE)
                .build();

        @Override
        public Transitions<Door> transitions() {
            return MOVES;
        }
    }

    /** A table whose LOCKED state no move reaches: the contract must say so. */
    enum Stranded implements State<Stranded> {
        OPEN, LOCKED;

        private static final Transitions<Stranded> MOVES = Transitions.of(Stranded.class, "stranded")
                .entry(OPEN)
                .from(OPEN).to(OPEN)
                .terminal(LOCKED)
                .build();

        @Override
        public Transitions<Stranded> transitions() {
            return MOVES;
        }
    }

    enum Half { A, B }

    @Test
    void movesFollowTheTable() {
        assertTrue(Door.CLOSED.canMoveTo(Door.LOCKED));
        assertFalse(Door.OPEN.canMoveTo(Door.LOCKED));
        assertEquals(Door.OPEN, Door.CLOSED.moveTo(Door.OPEN));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Door.LOCKED.moveTo(Door.OPEN));
        assertEquals("door cannot move from LOCKED to OPEN", refused.getMessage());
        assertTrue(Door.GONE.isTerminal());
        assertFalse(Door.LOCKED.isTerminal());
        assertEquals(Set.of(Door.CLOSED, Door.GONE), Door.MOVES.next(Door.OPEN));
    }

    @Test
    void aStateWithoutARowIsRefusedAtBuild() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Transitions.of(Half.class, "half").entry(Half.A).from(Half.A).to(Half.B).build());
        assertEquals("Half.B has no row: declare where it may go, or that it is terminal", e.getMessage());
    }

    @Test
    void aStateDeclaredTwiceIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Transitions.of(Half.class, "half").from(Half.A).to(Half.B).terminal(Half.A));
        assertEquals("Half.A is declared twice", e.getMessage());
    }

    @Test
    void aTableNeedsAnEntryState() {
        assertThrows(IllegalStateException.class,
                () -> Transitions.of(Half.class, "half").from(Half.A).to(Half.B).terminal(Half.B).build());
    }

    @Test
    void theContractPassesAGoodTableAndNamesAnUnreachableState() {
        StateTableContract.check(Door.class);
        AssertionError e = assertThrows(AssertionError.class, () -> StateTableContract.check(Stranded.class));
        assertEquals(Stranded.class.getName() + ": no move ever reaches [LOCKED]", e.getMessage());
    }

    @Test
    void theFinderSeesTheStateEnumsOfTheCompiledTests() {
        List<Class<?>> found = StateTableContract.stateEnumsUnder(Path.of("target/test-classes"));
        assertTrue(found.contains(Door.class) && found.contains(Stranded.class), found.toString());
        assertFalse(found.contains(Half.class));
    }
}
