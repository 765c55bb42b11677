package io.outdial.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No continuation of the dialer fails silently: every {@code whenComplete} and {@code whenCompleteAsync} action goes
 * through {@code core.exec.Continuations.logged}, which logs what the action throws (a throwing action only completes
 * a future nobody reads). Read from the sources, so a new continuation is checked without being listed.
 */
class LoggedContinuationsTest {
    private static final Pattern CONTINUATION = Pattern.compile("\\.whenComplete(Async)?\\(\\s*");

    /** The continuations of {@code source} whose action is not wrapped, as "line N". */
    static List<String> unlogged(String source) {
        List<String> found = new ArrayList<>();
        Matcher m = CONTINUATION.matcher(source);
        while (m.find()) {
            if (!source.startsWith("Continuations.logged(", m.end())) {
                found.add("line " + (1 + source.substring(0, m.start()).chars().filter(c -> c == '\n').count()));
            }
        }
        return found;
    }

    @Test
    void theFinderSeesAnUnwrappedContinuationAndPassesAWrappedOne() {
        assertEquals(List.of("line 2"), unlogged("a();\nf.whenComplete((v, e) -> b());\n"
                + "g.whenCompleteAsync(\n        Continuations.logged(\"x\", (v, e) -> c()), pool);\n"));
        assertEquals(List.of("line 1"), unlogged("f.whenCompleteAsync(\n    (v, e) -> b(), pool);"));
    }

    @Test
    void everyContinuationOfTheDialerIsLogged() throws IOException {
        List<String> unlogged = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String source = read(file);
                seen += (int) CONTINUATION.matcher(source).results().count();
                for (String at : unlogged(source)) {
                    unlogged.add(file + " " + at);
                }
            }
        }
        assertTrue(seen > 30, "read the dialer's continuations: " + seen);
        assertEquals(List.of(), unlogged, "continuations not wrapped in Continuations.logged");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
