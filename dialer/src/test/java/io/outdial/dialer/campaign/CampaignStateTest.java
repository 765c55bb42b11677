package io.outdial.dialer.campaign;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CampaignStateTest {

    @Test
    void lifecycleIsLoadStartStopUnload() {
        assertTrue(CampaignState.UNLOADED.canMoveTo(CampaignState.LOADED));
        assertTrue(CampaignState.LOADED.canMoveTo(CampaignState.RUNNING));
        assertTrue(CampaignState.RUNNING.canMoveTo(CampaignState.LOADED));
        assertTrue(CampaignState.LOADED.canMoveTo(CampaignState.UNLOADED));
    }

    @Test
    void anUnloadedCampaignCannotStart() {
        assertFalse(CampaignState.UNLOADED.canMoveTo(CampaignState.RUNNING));
        assertFalse(CampaignState.RUNNING.canMoveTo(CampaignState.RUNNING));
    }
}
