package io.outdial.dialer.trunk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.config.CallerId;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegListener;
import io.outdial.sip.SipUserAgent;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A route is the campaign's own trunk choice with the trunk looked up by name; Trunks keeps no route by campaign. */
class TrunksTest {
    private static final CallerId SALES = new CallerId("18005550111", "Sales");
    private static final CallerId SUPPORT = new CallerId("18005550122", null);

    private final Trunks trunks = Trunks.start(new NoCalls(), trunkConfigs());

    private static Map<String, TrunkConfig> trunkConfigs() {
        Map<String, TrunkConfig> configs = new LinkedHashMap<>();
        configs.put("default", new TrunkConfig("10.0.0.1", 5060, Transport.UDP, null, "18005550100", "Main"));
        configs.put("carrier-b", new TrunkConfig("10.0.0.2", 5060, Transport.UDP, null, "18005550200", "B"));
        return configs;
    }

    @Test
    void aChoiceNamingATrunkGoesThroughItWithItsCallerIds() {
        OutboundRoute route = trunks.route(new TrunkChoice("carrier-b", List.of(SALES, SUPPORT)));
        assertEquals("carrier-b", route.trunkName());
        assertEquals(List.of(SALES, SUPPORT), route.callerIds());
        assertEquals(SALES, route.defaultCallerId(), "the first caller id the campaign offers");
        assertTrue(route.allowsCalls(), "a trunk without registration takes calls");
        DialRequest dial = route.dial("15551230000", Duration.ofSeconds(15));
        assertEquals("sip:15551230000@10.0.0.2:5060", dial.requestUri());
        assertEquals("18005550111", dial.fromUser());
    }

    @Test
    void aChoiceWithoutCallerIdsPresentsTheTrunksOwn() {
        OutboundRoute route = trunks.route(new TrunkChoice("carrier-b", List.of()));
        assertEquals(List.of(), route.callerIds());
        assertEquals(new CallerId("18005550200", "B"), route.defaultCallerId());
    }

    @Test
    void theDefaultChoiceIsTheFirstTrunkWithItsOwnCallerId() {
        OutboundRoute route = trunks.route(TrunkChoice.DEFAULT);
        assertEquals("default", route.trunkName(), "what a name no campaign has went through before");
        assertEquals(List.of(), route.callerIds());
        assertEquals(new CallerId("18005550100", "Main"), route.defaultCallerId());
        OutboundRoute unnamed = trunks.route(new TrunkChoice(null, List.of(SUPPORT)));
        assertEquals("default", unnamed.trunkName(), "a choice naming no trunk: the default one");
        assertEquals(SUPPORT, unnamed.defaultCallerId());
    }

    @Test
    void aCampaignNamingAnUnknownTrunkIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trunks.refuseUnknownTrunk("sales", new TrunkChoice("carrier-x", List.of(SALES))));
        assertEquals("campaign sales names unknown trunk carrier-x", e.getMessage());
        assertDoesNotThrow(() -> trunks.refuseUnknownTrunk("sales", new TrunkChoice("carrier-b", List.of())));
        assertDoesNotThrow(() -> trunks.refuseUnknownTrunk("sales", new TrunkChoice("default", List.of())));
        assertDoesNotThrow(() -> trunks.refuseUnknownTrunk("sales", TrunkChoice.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> trunks.route(new TrunkChoice("carrier-x", List.of())));
    }

    /** Registers nothing (no trunk here needs it) and places no calls. */
    private static final class NoCalls implements SipUserAgent {
        @Override
        public Leg dial(DialRequest request, CallExecutor executor, LegListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Bridge bridge(Leg a, Leg b) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int activeLegs() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
