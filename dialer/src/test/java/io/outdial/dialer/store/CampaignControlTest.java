package io.outdial.dialer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared campaign state (V13), on H2 and on PostgreSQL. */
class CampaignControlTest {

    @Test
    void everyPublishIsOneVersionUpAndEveryGatewayReadsTheSame() {
        String url = InMemoryStore.newUrl();
        try (CallingListStore a = CallingListStore.open(url, InMemoryStore.user(), "", 2);
             CallingListStore b = CallingListStore.open(url, InMemoryStore.user(), "", 2)) {
            assertEquals(List.of(), b.campaignControl().all());
            assertEquals(1, a.campaignControl().publish("c1", "LOADED", "gw-a"));
            assertEquals(2, a.campaignControl().publish("c1", "RUNNING", "gw-a"));
            assertEquals(3, b.campaignControl().publish("c1", "LOADED", "gw-b"));
            assertEquals(1, b.campaignControl().publish("c2", "RUNNING", "gw-b"));
            assertEquals(List.of(new CampaignControl.Entry("c1", "LOADED", 3, "gw-b"),
                    new CampaignControl.Entry("c2", "RUNNING", 1, "gw-b")), a.campaignControl().all());
        }
    }
}
