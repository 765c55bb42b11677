package io.outdial.core.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The moves a state enum allows, declared once: every state names where it may go, or is declared terminal. Built in
 * the enum's static initialiser; immutable, and a lookup allocates nothing.
 *
 * <pre>{@code
 * private static final Transitions<CallPhase> MOVES = Transitions.of(CallPhase.class, "call")
 *         .entry(DIALING_CONTACT)
 *         .from(DIALING_CONTACT).to(CONNECTING_AGENT, RELEASING, FINISHED)
 *         ...
 *         .terminal(FINISHED)
 *         .build();
 * }</pre>
 *
 * @param <S> the state enum
 */
public final class Transitions<S extends Enum<S>> {

    private final Class<S> type;
    private final String subject;
    private final Set<S> entries;
    private final List<Set<S>> next;

    private Transitions(Builder<S> builder) {
        this.type = builder.type;
        this.subject = builder.subject;
        this.entries = Collections.unmodifiableSet(EnumSet.copyOf(builder.entries));
        List<Set<S>> rows = new ArrayList<>();
        for (EnumSet<S> row : builder.rows) {
            rows.add(Collections.unmodifiableSet(row));
        }
        this.next = List.copyOf(rows);
    }

    /** Starts the table of {@code type}; {@code subject} names what moves in error messages ("leg", "call"). */
    public static <S extends Enum<S>> Builder<S> of(Class<S> type, String subject) {
        return new Builder<>(type, subject);
    }

    public Class<S> type() {
        return type;
    }

    /** The states a new instance starts in. */
    public Set<S> entries() {
        return entries;
    }

    /** Where {@code from} may go; empty for a terminal state. */
    public Set<S> next(S from) {
        return next.get(from.ordinal());
    }

    public boolean allows(S from, S to) {
        return next.get(from.ordinal()).contains(to);
    }

    public boolean isTerminal(S state) {
        return next.get(state.ordinal()).isEmpty();
    }

    /** Returns {@code to}, or throws if the table has no move from {@code from} to it. */
    public S move(S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalStateException(subject + " cannot move from " + from + " to " + to);
        }
        return to;
    }

    /** Declares a table row by row; {@link #build()} refuses a state declared twice or not at all. */
    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final String subject;
        private final S[] constants;
        private final List<EnumSet<S>> rows = new ArrayList<>();
        private final boolean[] declared;
        private final EnumSet<S> entries;

        private Builder(Class<S> type, String subject) {
            this.type = Objects.requireNonNull(type, "type");
            this.subject = Objects.requireNonNull(subject, "subject");
            this.constants = type.getEnumConstants();
            this.declared = new boolean[constants.length];
            this.entries = EnumSet.noneOf(type);
            for (int i = 0; i < constants.length; i++) {
                rows.add(EnumSet.noneOf(type));
            }
        }

        /** The states a new instance may start in (at least one). */
        @SafeVarargs
        public final Builder<S> entry(S first, S... more) {
            entries.add(first);
            Collections.addAll(entries, more);
            return this;
        }

        /** Begins the row of {@code state}; finish it with {@link Row#to}. */
        public Row<S> from(S state) {
            declare(state);
            return new Row<>(this, state);
        }

        /** Declares states with no way out. */
        @SafeVarargs
        public final Builder<S> terminal(S first, S... more) {
            declare(first);
            for (S state : more) {
                declare(state);
            }
            return this;
        }

        public Transitions<S> build() {
            if (entries.isEmpty()) {
                throw new IllegalStateException(type.getSimpleName() + ": no entry state declared");
            }
            for (int i = 0; i < constants.length; i++) {
                if (!declared[i]) {
                    throw new IllegalStateException(type.getSimpleName() + "." + constants[i]
                            + " has no row: declare where it may go, or that it is terminal");
                }
            }
            return new Transitions<>(this);
        }

        private void declare(S state) {
            if (declared[state.ordinal()]) {
                throw new IllegalStateException(type.getSimpleName() + "." + state + " is declared twice");
            }
            declared[state.ordinal()] = true;
        }
    }

    /** One row being declared: the states its state may move to. */
    public static final class Row<S extends Enum<S>> {
        private final Builder<S> builder;
        private final S from;

        private Row(Builder<S> builder, S from) {
            this.builder = builder;
            this.from = from;
        }

        @SafeVarargs
        public final Builder<S> to(S first, S... more) {
            EnumSet<S> row = builder.rows.get(from.ordinal());
            row.add(first);
            Collections.addAll(row, more);
            return builder;
        }
    }
}
