package io.outdial.core.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one check every state enum of every module passes (published in outdial-core's test jar): each constant has a
 * row, all constants share the enum's one table, every state is reachable from an entry state, and no move leads
 * outside the enum. {@link #stateEnumsUnder} finds a module's enums, so a new one is checked without being listed.
 */
public final class StateTableContract {

    private StateTableContract() {
    }

    /** Throws {@link AssertionError} naming the first broken rule of {@code type}'s table. */
    public static <S extends Enum<S> & State<S>> void check(Class<S> type) {
        S[] constants = type.getEnumConstants();
        if (constants.length == 0) {
            throw new AssertionError(type.getName() + " has no states");
        }
        Transitions<S> table = constants[0].transitions();
        if (table == null || table.type() != type) {
            throw new AssertionError(type.getName() + ".transitions() is not a table of " + type.getSimpleName());
        }
        for (S state : constants) {
            if (state.transitions() != table) {
                throw new AssertionError(type.getName() + "." + state + " answers a different table");
            }
            for (S to : table.next(state)) {
                if (to.getDeclaringClass() != type) {
                    throw new AssertionError(type.getName() + "." + state + " moves outside the enum: " + to);
                }
            }
        }
        Set<S> reached = EnumSet.copyOf(table.entries());
        Deque<S> todo = new ArrayDeque<>(table.entries());
        while (!todo.isEmpty()) {
            for (S to : table.next(todo.pop())) {
                if (reached.add(to)) {
                    todo.push(to);
                }
            }
        }
        Set<S> unreachable = EnumSet.complementOf(EnumSet.copyOf(reached));
        if (!unreachable.isEmpty()) {
            throw new AssertionError(type.getName() + ": no move ever reaches " + unreachable);
        }
    }

    /** Every enum implementing {@link State} among the compiled classes under {@code classes} (a module's target/classes). */
    public static List<Class<?>> stateEnumsUnder(Path classes) {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String relative = classes.relativize(file).toString();
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                if (name.endsWith("package-info") || name.equals("module-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, StateTableContract.class.getClassLoader());
                if (type.isEnum() && State.class.isAssignableFrom(type)) {
                    found.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("cannot load a compiled class: " + e.getMessage(), e);
        }
        return found;
    }

    /** Checks a type found by {@link #stateEnumsUnder}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void checkFound(Class<?> type) {
        check((Class) type);
    }
}
