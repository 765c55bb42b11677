package io.outdial.dialer.trunk;

import io.outdial.dialer.config.CallerId;
import io.outdial.sip.SipUserAgent;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.trunk.TrunkRegistration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configured trunk by name, each registered with the user agent when it asks for it, and each campaign's
 * {@link OutboundRoute}. Built once at start-up; read from any thread.
 */
public final class Trunks {
    /** A trunk and its registration. */
    public record Entry(String name, TrunkConfig config, TrunkRegistration registration) {
    }

    private final Map<String, Entry> byName;
    private final Map<String, OutboundRoute> byCampaign;
    private final OutboundRoute fallback;

    private Trunks(Map<String, Entry> byName, Map<String, OutboundRoute> byCampaign, OutboundRoute fallback) {
        this.byName = byName;
        this.byCampaign = byCampaign;
        this.fallback = fallback;
    }

    /**
     * Registers every trunk that needs it with {@code userAgent} and builds the campaigns' routes.
     *
     * @param trunks    trunks by name, the default one first
     * @param campaigns each campaign's trunk name and caller ids
     */
    public static Trunks start(SipUserAgent userAgent, Map<String, TrunkConfig> trunks,
                               Map<String, CampaignTrunk> campaigns) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        trunks.forEach((name, config) -> byName.put(name, new Entry(name, config, userAgent.registerWithTrunk(config))));
        Map<String, OutboundRoute> byCampaign = new LinkedHashMap<>();
        campaigns.forEach((campaign, choice) -> {
            Entry e = byName.get(choice.trunk());
            if (e == null) {
                throw new IllegalArgumentException("campaign " + campaign + " names unknown trunk " + choice.trunk());
            }
            byCampaign.put(campaign, new OutboundRoute(e.name(), e.config(), e.registration(), choice.callerIds()));
        });
        Entry first = byName.values().iterator().next();
        return new Trunks(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(byCampaign),
                new OutboundRoute(first.name(), first.config(), first.registration(), List.of()));
    }

    /** A campaign's trunk and caller ids. */
    public record CampaignTrunk(String trunk, List<CallerId> callerIds) {
    }

    /** {@code campaign}'s route; a campaign not configured (none in practice) goes through the default trunk. */
    public OutboundRoute route(String campaign) {
        return byCampaign.getOrDefault(campaign, fallback);
    }

    /** Every trunk, the default one first. */
    public List<Entry> all() {
        return List.copyOf(byName.values());
    }

    /** Runs {@code listener} when any trunk's registration starts or stops allowing calls. */
    public void onChange(Runnable listener) {
        byName.values().forEach(e -> e.registration().onChange(listener));
    }
}
