package io.outdial.dialer.recording;

import io.outdial.dialer.config.RecordingMode;
import io.outdial.dialer.config.RecordingPolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordingFilesTest {
    private static final Path DIR = Path.of("/var/rec");
    private static final Instant AT = Instant.parse("2026-12-06T21:05:09Z");

    @Test
    void placeholdersAreFilledBelowTheDirectory() {
        RecordingFiles files = new RecordingFiles(DIR, "{campaign}/{date}/{agent}-{time}-{record}-{recording}.wav");
        assertEquals(Path.of("/var/rec/spring/2026/12/06/ann-210509-42-ix-7-1.wav"),
                files.fileOf("spring", AT, 42, "ix-7", "ann", "ix-7-1"));
    }

    @Test
    void valuesCannotClimbOutOfTheDirectory() {
        RecordingFiles files = new RecordingFiles(DIR, "{agent}/{recording}.wav");
        Path file = files.fileOf("c", AT, 1, "ix-1", "..", "../../etc/passwd");
        assertTrue(file.startsWith(DIR), file.toString());
        assertEquals(Path.of("/var/rec/_/.._.._etc_passwd.wav"), file);
        assertEquals(Path.of("/var/rec/none/ix-1-1.wav"), files.fileOf("c", AT, 1, "ix-1", null, "ix-1-1"));
    }

    @Test
    void badPatternsAreRefusedWithTheReason() {
        assertNull(RecordingFiles.problem("{campaign}/{interaction}.wav"));
        assertEquals("must end with .wav", RecordingFiles.problem("{recording}.mp3"));
        assertTrue(RecordingFiles.problem("/abs/{recording}.wav").contains("relative"));
        assertTrue(RecordingFiles.problem("../{recording}.wav").contains("relative"));
        assertTrue(RecordingFiles.problem("{campaign}.wav").contains("{recording} or {interaction}"));
        assertTrue(RecordingFiles.problem("{recording}-{day}.wav").contains("unknown placeholder {day}"));
        assertThrows(IllegalArgumentException.class, () -> new RecordingFiles(DIR, ""));
    }

    @Test
    void policyListsWhatTheAgentMayDo() {
        assertEquals(java.util.List.of("start", "stop", "pause"),
                new RecordingPolicy(RecordingMode.ON_DEMAND, true, true).agentControl());
        assertEquals(java.util.List.of("pause"), new RecordingPolicy(RecordingMode.ALL, false, true).agentControl());
        assertEquals(java.util.List.of(), RecordingPolicy.NONE.agentControl());
    }
}
