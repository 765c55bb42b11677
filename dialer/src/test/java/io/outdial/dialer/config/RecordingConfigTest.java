package io.outdial.dialer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingConfigTest {
    @TempDir
    Path dir;

    private static final String CAMPAIGNS = "campaigns:\n  - { name: a }\n  - { name: b }\n  - { name: c }\n";

    @Test
    void defaultsRecordNothingBelowTheConfigFolder() {
        RecordingSettings r = ConfigLoader.parse(CAMPAIGNS, dir).recording();
        assertEquals(dir.resolve("recordings"), r.directory());
        assertEquals(RecordingSettings.DEFAULT_FILE_NAME, r.fileName());
        assertEquals(0, r.retentionDays());
        assertEquals(RecordingPolicy.NONE, r.policyOf("a"));
    }

    @Test
    void campaignsGetTheirOwnPolicyOrTheDefault() {
        RecordingSettings r = ConfigLoader.parse(CAMPAIGNS + """
                recording:
                  directory: /srv/rec
                  retentionDays: 30
                  mode: on_demand
                  campaigns:
                    - { campaign: a, mode: all }
                    - { campaign: b, mode: none }
                """, dir).recording();
        assertEquals(Path.of("/srv/rec"), r.directory());
        assertEquals(30, r.retentionDays());
        assertEquals(new RecordingPolicy(RecordingMode.ALL, true, true), r.policyOf("a"));
        assertEquals(RecordingPolicy.NONE, r.policyOf("b"));
        RecordingPolicy c = r.policyOf("c");
        assertEquals(RecordingMode.ON_DEMAND, c.mode());
        assertTrue(c.agentStart() && c.agentStop() && c.agentPause());
        RecordingPolicy strict = ConfigLoader.parse(CAMPAIGNS + "recording:\n  campaigns:\n"
                + "    - { campaign: a, mode: all, agentPause: false }\n", dir).recording().policyOf("a");
        assertFalse(strict.agentStop() || strict.agentPause());
    }

    @Test
    void badValuesNameTheirKey() {
        assertMessage("recording:\n  mode: sometimes\n", "recording.mode: must be one of all, none, on_demand");
        assertMessage("recording:\n  fileName: x.wav\n", "recording.fileName: must contain {recording} or {interaction}");
        assertMessage("recording:\n  campaigns:\n    - { campaign: zz }\n",
                "recording.campaigns[0].campaign: must name a configured campaign");
        assertMessage("recording:\n  campaigns:\n    - { campaign: a }\n    - { campaign: a }\n", "is listed twice");
        assertMessage("recording:\n  campaigns:\n    - { campaign: a, mode: none, agentPause: true }\n",
                "cannot be true with mode none");
        assertMessage("recording:\n  retentionDays: -1\n", "recording.retentionDays");
        assertMessage("recording:\n  colour: red\n", "recording.colour: unknown key");
    }

    private void assertMessage(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(CAMPAIGNS + yaml, dir));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
