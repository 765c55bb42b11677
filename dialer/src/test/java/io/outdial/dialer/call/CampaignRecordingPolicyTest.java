package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.dialer.config.RecordingMode;
import io.outdial.dialer.config.RecordingPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each campaign carries its own recording policy ({@code CampaignPlan.recording()}: its entry of
 * {@code recording.campaigns}, else the {@code recording:} defaults), and the recordings read it by the interaction's
 * campaign name, also once the campaign is unloaded; a name no campaign has gets the defaults, as the map by name
 * gave. Virtual time.
 */
class CampaignRecordingPolicyTest {
    private static final RecordingPolicy LISTED = new RecordingPolicy(RecordingMode.ON_DEMAND, true, false);
    private static final RecordingPolicy DEFAULTS = new RecordingPolicy(RecordingMode.ALL, false, true);

    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            """
              - { name: listed, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false }
              - { name: unlisted, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false }
            """,
            """
            recording:
              directory: recs
              mode: all
              agentPause: true
              campaigns:
                - { campaign: listed, mode: on_demand, agentStop: true, agentPause: false }
            """, new NoMedia());

    @AfterEach
    void close() {
        gw.close();
    }

    @Test
    void eachCampaignCarriesItsRecordingPolicyAndTheRecordingsReadItByName() {
        assertEquals(LISTED, gw.dialer.campaigns().find("listed").orElseThrow().plan().recording());
        assertEquals(DEFAULTS, gw.dialer.campaigns().find("unlisted").orElseThrow().plan().recording(),
                "a campaign not listed: the recording: defaults");
        assertEquals(LISTED, gw.dialer.recordings().policyOf("listed"));
        assertEquals(DEFAULTS, gw.dialer.recordings().policyOf("unlisted"));
        gw.onDialer(() -> {
            gw.dialer.campaigns().apply("listed", CampaignAction.LOAD);
            gw.dialer.campaigns().apply("listed", CampaignAction.UNLOAD);
        });
        assertEquals(LISTED, gw.dialer.recordings().policyOf("listed"), "an unloaded campaign keeps its policy");
        assertEquals(DEFAULTS, gw.dialer.recordings().policyOf("none"), "no campaign by that name: the defaults");
    }
}
