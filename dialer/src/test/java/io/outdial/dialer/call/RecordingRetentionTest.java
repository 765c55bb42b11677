package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.config.RecordingPolicy;
import io.outdial.dialer.config.RecordingSettings;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.recording.CallRecordings;
import io.outdial.dialer.store.CallingListStore;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention rule in virtual time over a real (in-memory) store and real files. */
class RecordingRetentionTest {
    private final CallingListStore store = CallingListStore.open("jdbc:h2:mem:retention-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-12-06T12:00:00Z"));
    private final DialerMetrics metrics = new DialerMetrics(new AgentRoster(List.of()), new NoMedia(),
            new ScriptedUserAgent());

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        store.close();
        metrics.close();
    }

    @Test
    void recordingsPastTheirRetentionLoseTheirFileButKeepTheirRow() throws Exception {
        store.importCsv("c", new StringReader("contact_info\n2005550101\n"));
        long record = store.records("c").get(0).recordId();
        Path old = Files.writeString(dir.resolve("old.wav"), "old");
        Path recent = Files.writeString(dir.resolve("recent.wav"), "recent");
        long oldId = store.recordings().started(record, "c", "ix-1", "ann", old.toString(),
                clock.now().minus(Duration.ofDays(31)));
        store.recordings().ended(oldId, "COMPLETED", clock.now().minus(Duration.ofDays(31)), 1000, 0, null);
        long recentId = store.recordings().started(record, "c", "ix-2", "ann", recent.toString(),
                clock.now().minus(Duration.ofDays(29)));
        store.recordings().ended(recentId, "STOPPED", clock.now().minus(Duration.ofDays(29)), 1000, 0, null);
        long runningId = store.recordings().started(record, "c", "ix-3", "ann", dir.resolve("x.wav").toString(),
                clock.now().minus(Duration.ofDays(40)));

        CallRecordings recordings = new CallRecordings(new RecordingSettings(dir, RecordingSettings.DEFAULT_FILE_NAME,
                30, 1, 4, Map.of(), RecordingPolicy.NONE), new Campaigns(List.of(), new AgentRoster(List.of())),
                new CallExecutor("dialer", Runnable::run, clock),
                Runnable::run, clock, store, null, metrics, Runnable::run);
        assertEquals(1, recordings.sweepNow().get());

        assertFalse(Files.exists(old), "the old file is deleted");
        assertTrue(Files.exists(recent), "the recent one is kept");
        assertEquals("DELETED", store.recordings().find(oldId).orElseThrow().status());
        assertEquals("STOPPED", store.recordings().find(recentId).orElseThrow().status());
        assertEquals("RECORDING", store.recordings().find(runningId).orElseThrow().status(),
                "a recording still running is never swept");

        clock.advance(Duration.ofDays(2));
        assertFalse(Files.exists(recent), "the hourly sweep took the next one once it aged");
        assertEquals("DELETED", store.recordings().find(recentId).orElseThrow().status());
    }
}
