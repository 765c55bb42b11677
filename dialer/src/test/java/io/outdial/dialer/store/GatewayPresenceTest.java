package io.outdial.dialer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateways' presence reports (V15), on H2 and on PostgreSQL. */
class GatewayPresenceTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void eachGatewayKeepsOneRowThatEveryGatewayReads() {
        String url = InMemoryStore.newUrl();
        try (CallingListStore a = CallingListStore.open(url, InMemoryStore.user(), "", 2);
             CallingListStore b = CallingListStore.open(url, InMemoryStore.user(), "", 2)) {
            assertEquals(List.of(), b.presence().all());
            a.presence().report(new GatewayPresence.Entry("gw-a", T0, 3,
                    List.of(new GatewayPresence.Agent("ann", "Busy"), new GatewayPresence.Agent("bob", "Ready"))));
            b.presence().report(new GatewayPresence.Entry("gw-b", T0, 0, List.of()));
            a.presence().report(new GatewayPresence.Entry("gw-a", T0.plusSeconds(5), 2,
                    List.of(new GatewayPresence.Agent("ann", "WrapUp"))));

            assertEquals(List.of(
                    new GatewayPresence.Entry("gw-a", T0.plusSeconds(5), 2,
                            List.of(new GatewayPresence.Agent("ann", "WrapUp"))),
                    new GatewayPresence.Entry("gw-b", T0, 0, List.of())), b.presence().all(),
                    "the newer report replaces the older; the other gateway's stays");
        }
    }
}
