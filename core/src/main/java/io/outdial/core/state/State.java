package io.outdial.core.state;

/**
 * A state enum whose moves are declared in a {@link Transitions} table. Implement {@link #transitions()} by returning
 * the enum's one static table; the moves come from here.
 *
 * @param <S> the enum itself
 */
public interface State<S extends Enum<S> & State<S>> {

    /** The enum's table (the same instance for every constant). */
    Transitions<S> transitions();

    /** Whether the table allows moving from this state to {@code next}. */
    default boolean canMoveTo(S next) {
        return transitions().allows(self(), next);
    }

    /** Returns {@code next}, or throws {@link IllegalStateException} naming both states if the table refuses it. */
    default S moveTo(S next) {
        return transitions().move(self(), next);
    }

    /** True for a state with no way out. */
    default boolean isTerminal() {
        return transitions().isTerminal(self());
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
