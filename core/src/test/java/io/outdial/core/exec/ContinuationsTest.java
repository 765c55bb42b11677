package io.outdial.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ContinuationsTest {

    @Test
    void theActionSeesValueAndErrorUnchanged() {
        List<Object> seen = new ArrayList<>();
        CompletableFuture.completedFuture("record 7")
                .whenComplete(Continuations.logged("test.value", (value, error) -> seen.add(value)));
        IllegalStateException failure = new IllegalStateException("store down");
        CompletableFuture.<String>failedFuture(failure)
                .whenComplete(Continuations.logged("test.error", (value, error) -> seen.add(error)));
        assertEquals(List.of("record 7", failure), seen);
    }

    @Test
    void aThrowingActionFailsTheContinuationItReturns() {
        IllegalArgumentException bug = new IllegalArgumentException("bug in the continuation");
        CompletableFuture<String> after = CompletableFuture.completedFuture("x")
                .whenComplete(Continuations.logged("test.throwing", (value, error) -> {
                    throw bug;
                }));
        assertTrue(after.isCompletedExceptionally());
        CompletionException wrapped = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                after::join);
        assertSame(bug, wrapped.getCause());
    }

    @Test
    void aThrowingActionIsLoggedWithWhatTheContinuationWasFor() {
        // The test binding (slf4j-simple) writes to whatever System.err is at the time of the write.
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            CompletableFuture.completedFuture("x").whenComplete(Continuations.logged("test.lost", (value, error) -> {
                throw new IllegalStateException("nobody reads this future");
            }));
        } finally {
            System.setErr(err);
        }
        String written = log.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("continuation failed: test.lost"), written);
        assertTrue(written.contains("nobody reads this future"), "with the failure: " + written);
    }
}
