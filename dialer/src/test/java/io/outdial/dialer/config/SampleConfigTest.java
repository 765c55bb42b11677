package io.outdial.dialer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped dialer/config/outdial.yaml is what the demo runs on: it must parse and say what the demo needs. */
class SampleConfigTest {

    // Surefire runs with the module folder (dialer/) as working directory.
    private static final Path SAMPLE = Path.of("config", "outdial.yaml");

    @Test
    void sampleConfigParsesWithTheDemoSettings() {
        GatewayConfig c = ConfigLoader.load(SAMPLE);

        assertEquals(5060, c.sip().udpPort());
        assertEquals("127.0.0.1", c.trunk().host());
        assertEquals(5070, c.trunk().port());
        assertEquals(Transport.UDP, c.trunk().transport());
        assertEquals(8080, c.http().port());
        assertEquals(List.of("agent1", "agent2"), c.agents().stream().map(AgentSettings::id).toList());
        assertEquals("sip:agent1@127.0.0.1:5081", c.agent("agent1").orElseThrow().phone());
        assertEquals("sip:agent2@127.0.0.1:5082", c.agent("agent2").orElseThrow().phone());
        assertTrue(c.agents().stream().allMatch(AgentSettings::autoReady));

        assertEquals(io.outdial.dialer.config.RecordingMode.ON_DEMAND, c.recording().policyOf("sample").mode());

        CampaignSettings sample = c.campaign("sample").orElseThrow();
        assertEquals(DialingMode.PROGRESSIVE, sample.dialingMode());
        assertTrue(sample.autoLoad());
        assertTrue(sample.autoStart());
        assertTrue(Files.isRegularFile(sample.callingList()));
        assertEquals("sample-list.csv", sample.callingList().getFileName().toString());
    }

    @Test
    void sampleConfigStatesEveryDefaultTheLoaderUses() {
        GatewayConfig sample = ConfigLoader.load(SAMPLE);
        GatewayConfig defaults = ConfigLoader.parse("", SAMPLE.toAbsolutePath().getParent());

        // The sample documents the defaults by using them, except the demo's agents and campaign.
        assertEquals(defaults.sip(), sample.sip());
        assertEquals(defaults.trunk(), sample.trunk());
        assertEquals(defaults.rtp(), sample.rtp());
        assertEquals(defaults.http(), sample.http());
        assertEquals(defaults.database(), sample.database());
        assertEquals(defaults.dialing(), sample.dialing());
        assertEquals(PreviewSettings.defaults(), sample.campaign("sample").orElseThrow().preview());
        WorkSettings work = sample.campaign("sample").orElseThrow().work();
        assertEquals(WorkSettings.defaults().callbacks(), work.callbacks());
        assertEquals(WorkSettings.defaults().markDone(), work.markDone());
        assertEquals(List.of("first_name", "account", "note"),
                work.recordFields().stream().map(io.outdial.dialer.recordinfo.RecordField::name).toList());
        assertTrue(work.recordFields().get(2).editable());
        assertEquals(io.outdial.dialer.pacing.PacingSettings.predictive(),
                sample.campaign("predictive-sample").orElseThrow().pacing());
    }
}
