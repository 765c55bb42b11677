package io.outdial.dialer.cluster;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.store.CampaignControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaign state shared by the gateways on one store (ADR 0016): a supervisor's Load, Start, Stop or Unload here is
 * published to the store; every {@code statePoll} the gateway reads what the others published and brings its own
 * campaign to the same state (Start on one gateway starts the campaign on all). Only changes made after this
 * gateway started are followed; shut-downs and autoLoad/autoStart stay local. Each poll also reads the stored
 * abandonment counts, which all gateways add to, into the paced campaigns' ledgers, so the 3 % limit holds across
 * gateways per day and per window. Store work runs on a thread of its own; campaign moves on the dialer executor.
 */
public final class SharedCampaignState implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedCampaignState.class);

    private final CampaignControl control;
    private final String gatewayId;
    private final Campaigns campaigns;
    private final CallExecutor dialer;
    private final ScheduledExecutorService timer;
    /** Per campaign, the last version seen (written here or applied from another gateway). */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    /** Also run every poll (off the dialer executor): the shared abandonment counts are read into pacing. */
    private final Runnable everyPoll;

    private SharedCampaignState(CampaignControl control, String gatewayId, Campaigns campaigns, CallExecutor dialer,
                                Runnable everyPoll) {
        this.everyPoll = everyPoll;
        this.control = control;
        this.gatewayId = gatewayId;
        this.campaigns = campaigns;
        this.dialer = dialer;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outdial-campaign-state");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes the store's current versions as already seen, then polls every {@code poll}, running {@code everyPoll}
     * too (the shared abandonment counts).
     */
    public static SharedCampaignState start(CampaignControl control, String gatewayId, Campaigns campaigns,
                                            CallExecutor dialer, Duration poll, Runnable everyPoll) {
        SharedCampaignState s = new SharedCampaignState(control, gatewayId, campaigns, dialer, everyPoll);
        control.all().forEach(e -> s.seen.put(e.campaign(), e.version()));
        s.timer.scheduleWithFixedDelay(s::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    /** A supervisor's action succeeded here (dialer executor): publish the campaign's new state. */
    public void published(Campaign campaign) {
        String name = campaign.name();
        String state = campaign.state().name();
        timer.execute(() -> {
            try {
                long version = control.publish(name, state, gatewayId);
                seen.merge(name, version, Math::max);
            } catch (RuntimeException e) {
                LOG.warn("campaign {}: could not share state {} with the other gateways: {}", name, state,
                        e.toString());
            }
        });
    }

    private void poll() {
        try {
            everyPoll.run();
        } catch (RuntimeException e) {
            LOG.warn("reading the shared abandonment counts failed: {}", e.toString());
        }
        List<CampaignControl.Entry> entries;
        try {
            entries = control.all();
        } catch (RuntimeException e) {
            LOG.warn("reading the shared campaign state failed: {}", e.toString());
            return;
        }
        for (CampaignControl.Entry e : entries) {
            long last = seen.getOrDefault(e.campaign(), 0L);
            if (e.version() <= last) {
                continue;
            }
            seen.put(e.campaign(), e.version());
            if (!e.changedBy().equals(gatewayId)) {
                dialer.execute(() -> follow(e));
            }
        }
    }

    /** Brings the local campaign to the shared state, through the same moves a supervisor would make. */
    private void follow(CampaignControl.Entry e) {
        Campaign c = campaigns.find(e.campaign()).orElse(null);
        CampaignState target;
        try {
            target = CampaignState.valueOf(e.state());
        } catch (IllegalArgumentException bad) {
            LOG.warn("campaign {}: unknown shared state {} ignored", e.campaign(), e.state());
            return;
        }
        if (c == null || c.state() == target) {
            return;
        }
        LOG.info("campaign {}: {} on gateway {} (shared state v{}): {} here", e.campaign(), target, e.changedBy(),
                e.version(), c.state() + " -> " + target);
        try {
            for (CampaignAction action : moves(c.state(), target)) {
                campaigns.apply(c.name(), action);
            }
        } catch (RuntimeException ex) {
            LOG.warn("campaign {}: could not follow shared state {}: {}", e.campaign(), target, ex.getMessage());
        }
    }

    /** The supervisor actions that take a campaign from {@code from} to {@code to}. */
    static List<CampaignAction> moves(CampaignState from, CampaignState to) {
        return switch (to) {
            case RUNNING -> from == CampaignState.UNLOADED ? List.of(CampaignAction.LOAD, CampaignAction.START)
                    : List.of(CampaignAction.START);
            case LOADED -> from == CampaignState.RUNNING ? List.of(CampaignAction.STOP) : List.of(CampaignAction.LOAD);
            case UNLOADED -> List.of(CampaignAction.UNLOAD);
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
