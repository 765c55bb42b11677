package io.outdial.dialer.trunk;

import io.outdial.sip.SipUserAgent;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.trunk.TrunkRegistration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configured trunk by name, each registered with the user agent when it asks for it. A campaign's
 * {@link OutboundRoute} comes from its own {@link TrunkChoice} ({@code CampaignPlan.trunkChoice()}): only the trunk is
 * looked up here, by name. Built once at start-up; read from any thread.
 */
public final class Trunks {
    /** A trunk and its registration. */
    public record Entry(String name, TrunkConfig config, TrunkRegistration registration) {
    }

    private final Map<String, Entry> byName;
    private final Entry first;

    private Trunks(Map<String, Entry> byName) {
        this.byName = byName;
        this.first = byName.values().iterator().next();
    }

    /**
     * Registers every trunk that needs it with {@code userAgent}.
     *
     * @param trunks trunks by name, the default one first
     */
    public static Trunks start(SipUserAgent userAgent, Map<String, TrunkConfig> trunks) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        trunks.forEach((name, config) -> byName.put(name, new Entry(name, config, userAgent.registerWithTrunk(config))));
        return new Trunks(Collections.unmodifiableMap(byName));
    }

    /**
     * Refuses, at start-up, the campaign named {@code campaign} when {@code choice} names a trunk that is not
     * configured.
     *
     * @throws IllegalArgumentException naming the campaign and the trunk
     */
    public void refuseUnknownTrunk(String campaign, TrunkChoice choice) {
        if (choice.trunk() != null && !byName.containsKey(choice.trunk())) {
            throw new IllegalArgumentException("campaign " + campaign + " names unknown trunk " + choice.trunk());
        }
    }

    /**
     * The route of a campaign that chose {@code choice}: its trunk (the default one when it names none) with its
     * caller ids. {@link TrunkChoice#DEFAULT} is the default trunk presenting its own caller id.
     *
     * @throws IllegalArgumentException when {@code choice} names a trunk not configured (refused at start-up)
     */
    public OutboundRoute route(TrunkChoice choice) {
        Entry e = choice.trunk() == null ? first : byName.get(choice.trunk());
        if (e == null) {
            throw new IllegalArgumentException("no trunk named " + choice.trunk());
        }
        return new OutboundRoute(e.name(), e.config(), e.registration(), choice.callerIds());
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
