package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.dialer.Dialer;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.config.CallerId;
import io.outdial.dialer.config.CampaignSettings;
import io.outdial.dialer.config.ConfigLoader;
import io.outdial.dialer.config.GatewayConfig;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.trunk.OutboundRoute;
import io.outdial.dialer.trunk.TrunkChoice;
import io.outdial.sip.DialRequest;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each campaign dials through the trunk and caller ids of its own plan ({@code CampaignPlan.trunkChoice()}), also
 * once unloaded; a name no campaign has goes through the default trunk with the trunk's own caller id, as before; a
 * campaign naming a trunk not configured is refused when the dialer is built. Virtual time, scripted legs.
 */
class CampaignRoutesTest {
    private static final String AGENTS = """
              - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
              - { id: bob, secret: s3cret, phone: "sip:bob@127.0.0.1:5082" }
            """;
    private static final String CAMPAIGNS = """
              - { name: sales, dialingMode: progressive, agents: [ann], trunk: carrier-b, autoLoad: false,
                  autoStart: false, callerIds: [{ number: "18005550111", name: Sales }, { number: "18005550122" }] }
              - { name: other, dialingMode: progressive, agents: [bob], autoLoad: false, autoStart: false }
            """;
    private static final String TRUNKS = """
            trunks:
              - { name: carrier-b, host: 10.0.0.2, port: 5080, callerId: "18005550200" }
            """;

    private final DialerUnderTest gw = new DialerUnderTest(AGENTS, CAMPAIGNS, TRUNKS, new NoMedia());

    @AfterEach
    void close() {
        gw.close();
    }

    private Campaign campaign(String name) {
        return gw.dialer.campaigns().find(name).orElseThrow();
    }

    private DialRequest requestTo(String number) {
        List<DialRequest> found = gw.ua.requests.stream().filter(r -> r.requestUri().contains(number)).toList();
        assertEquals(1, found.size(), number + " among " + gw.ua.requests);
        return found.get(0);
    }

    @Test
    void eachCampaignsContactsAreDialedThroughItsOwnTrunkWithItsCallerId() {
        gw.login("ann", "s3cret").send(new CtiCommand.Ready("r"));
        gw.login("bob", "s3cret").send(new CtiCommand.Ready("r"));
        gw.uploadAndStart("sales", "contact_info\n2005550901\n");
        gw.uploadAndStart("other", "contact_info\n2005550902\n");

        DialRequest sales = requestTo("2005550901");
        assertEquals("sip:2005550901@10.0.0.2:5080", sales.requestUri(), "the campaign's trunk carrier-b");
        assertEquals("18005550111", sales.fromUser(), "the first caller id the campaign offers");
        assertEquals("Sales", sales.fromDisplayName());
        DialRequest other = requestTo("2005550902");
        assertEquals("sip:2005550902@127.0.0.1:5070", other.requestUri(), "no trunk named: the default trunk");
        assertEquals("18005550100", other.fromUser(), "no caller ids offered: the trunk's own");
    }

    @Test
    void anUnloadedCampaignKeepsItsRouteAndAnUnknownNameGetsTheDefaultTrunk() {
        gw.onDialer(() -> {
            gw.dialer.campaigns().apply("sales", CampaignAction.LOAD);
            gw.dialer.campaigns().apply("sales", CampaignAction.UNLOAD);
        });
        CallPlacement placement = gw.dialer.dialing().placement();
        OutboundRoute route = placement.route(campaign("sales"));
        assertEquals("carrier-b", route.trunkName());
        assertEquals(List.of(new CallerId("18005550111", "Sales"), new CallerId("18005550122", null)),
                route.callerIds());
        assertEquals(new TrunkChoice("carrier-b", route.callerIds()), gw.dialer.campaigns().trunk("sales"),
                "what a transfer out reads by the interaction's campaign name");
        assertEquals("default", placement.route(campaign("other")).trunkName());

        DialRequest out = gw.dialer.dialing().outsideNumberRequest(gw.dialer.campaigns().trunk("sales"),
                "15550001111");
        assertEquals("sip:15550001111@10.0.0.2:5080", out.requestUri(), "a transfer out of an unloaded campaign");
        assertEquals("18005550111", out.fromUser());

        assertEquals(TrunkChoice.DEFAULT, gw.dialer.campaigns().trunk("none"));
        DialRequest unknown = gw.dialer.dialing().outsideNumberRequest(gw.dialer.campaigns().trunk("none"),
                "15550002222");
        assertEquals("sip:15550002222@127.0.0.1:5070", unknown.requestUri(), "the default trunk, as the fallback was");
        assertEquals("18005550100", unknown.fromUser(), "presenting the trunk's own caller id");
    }

    @Test
    void aCampaignNamingAnUnknownTrunkIsRefusedAtStartUp() throws Exception {
        GatewayConfig parsed = ConfigLoader.parse("""
                trunk:
                  host: 127.0.0.1
                  port: 5070
                  callerId: "18005550100"
                database:
                  url: "jdbc:h2:mem:unit-routes-refused;DB_CLOSE_DELAY=-1"
                agents:
                  - { id: ann, secret: s3cret, phone: "sip:ann@127.0.0.1:5081" }
                campaigns:
                  - { name: sales, dialingMode: progressive, agents: [ann] }
                """, Files.createTempDirectory("outdial-unit"));
        CampaignSettings s = parsed.campaigns().get(0);
        // The configuration loader refuses such a trunk first; the dialer still refuses a configuration built so.
        CampaignSettings unknownTrunk = new CampaignSettings(s.name(), s.description(), s.dialingMode(), s.agents(),
                s.callingList(), s.autoLoad(), s.autoStart(), s.maxAttempts(), s.detection(), s.dispositionCodes(),
                s.pacing(), s.treatments(), s.preview(), s.engageAgentFirst(), s.dnc(), s.work(), "carrier-x",
                s.callerIds());
        GatewayConfig config = new GatewayConfig(parsed.sip(), parsed.trunk(), parsed.rtp(), parsed.http(),
                parsed.database(), parsed.dialing(), parsed.agents(), List.of(unknownTrunk), parsed.audio(),
                parsed.namedTrunks(), parsed.recording(), parsed.browserPhone());
        try (CallingListStore store = CallingListStore.open(config.database().url(), config.database().user(),
                config.database().password(), 2, config.dialing().defaultTimeZone(),
                config.dialing().defaultCallingHours())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Dialer(config, store, new NoMedia(), new ScriptedUserAgent(), Runnable::run,
                            Runnable::run, new VirtualScheduler(Instant.parse("2026-03-02T10:00:00Z"))));
            assertEquals("campaign sales names unknown trunk carrier-x", e.getMessage());
        }
    }
}
