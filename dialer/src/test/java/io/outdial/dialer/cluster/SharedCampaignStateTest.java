package io.outdial.dialer.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.dialer.campaign.CampaignState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedCampaignStateTest {

    @Test
    void aGatewayFollowsAnotherGatewaysStateThroughTheSupervisorsMoves() {
        assertEquals(List.of(CampaignAction.LOAD, CampaignAction.START),
                SharedCampaignState.moves(CampaignState.UNLOADED, CampaignState.RUNNING));
        assertEquals(List.of(CampaignAction.START), SharedCampaignState.moves(CampaignState.LOADED,
                CampaignState.RUNNING));
        assertEquals(List.of(CampaignAction.STOP), SharedCampaignState.moves(CampaignState.RUNNING,
                CampaignState.LOADED));
        assertEquals(List.of(CampaignAction.LOAD), SharedCampaignState.moves(CampaignState.UNLOADED,
                CampaignState.LOADED));
        assertEquals(List.of(CampaignAction.UNLOAD), SharedCampaignState.moves(CampaignState.RUNNING,
                CampaignState.UNLOADED));
    }
}
