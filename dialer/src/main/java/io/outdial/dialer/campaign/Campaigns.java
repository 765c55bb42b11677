package io.outdial.dialer.campaign;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.admin.AdminException;
import io.outdial.dialer.agent.CampaignCard;
import io.outdial.dialer.agent.Desktop;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.config.DncSettings;
import io.outdial.dialer.treatment.Treatments;
import io.outdial.dialer.trunk.TrunkChoice;
import io.outdial.dialer.wrapup.RecordWork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configured campaign and its lifecycle (Load -> Start -> Stop -> Unload), with the notices each move sends
 * to the campaign's agents. Dialer executor only.
 */
public final class Campaigns {

    /**
     * What the dialing side does when a campaign starts or goes away (named apart from {@code call.Dialing}, which
     * implements most of it).
     */
    public interface Lifecycle {
        void started(Campaign campaign);

        /** Stopped (also on the way to unloaded): no new records; offers in front of agents are taken back. */
        default void stopped(Campaign campaign) {
        }

        void unloaded(Campaign campaign);
    }

    private final Map<String, Campaign> byName = new LinkedHashMap<>();
    private final AgentRoster roster;
    private Lifecycle dialing;

    public Campaigns(List<CampaignPlan> plans, AgentRoster roster) {
        for (CampaignPlan p : plans) {
            byName.put(p.name(), new Campaign(p));
        }
        this.roster = roster;
    }

    public void lifecycle(Lifecycle dialing) {
        this.dialing = dialing;
    }

    /** The campaigns in configuration order; the collection is fixed at start-up. */
    public Collection<Campaign> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public Optional<Campaign> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * How agents work the records of the campaign named {@code name}, read from the campaign itself (whatever its
     * state: an unloaded campaign keeps its rules); the defaults for a name no campaign has.
     */
    public RecordWork.Rules work(String name) {
        return find(name).map(c -> c.plan().work()).orElse(RecordWork.defaults());
    }

    /** The treatments of the campaign named {@code name}, read from the campaign; none for an unknown name. */
    public Treatments treatments(String name) {
        return find(name).map(c -> c.plan().treatments()).orElse(Treatments.NONE);
    }

    /** The attempt limit of the campaign named {@code name}, read from the campaign; 1 for an unknown name. */
    public int maxAttempts(String name) {
        return find(name).map(c -> c.plan().maxAttempts()).orElse(1);
    }

    /**
     * The pre-dial do-not-call validation of the campaign named {@code name}, read from the campaign; the defaults
     * for an unknown name.
     */
    public DncSettings dnc(String name) {
        return find(name).map(c -> c.plan().dnc()).orElse(DncSettings.defaults());
    }

    /** The disposition codes of the campaign named {@code name}, read from the campaign; none for an unknown name. */
    public List<String> dispositionCodes(String name) {
        return find(name).map(c -> c.plan().dispositionCodes()).orElse(List.of());
    }

    /**
     * The trunk and caller ids of the campaign named {@code name}, read from the campaign (an unloaded campaign keeps
     * them); {@link TrunkChoice#DEFAULT} (the default trunk, its own caller id) for an unknown name.
     */
    public TrunkChoice trunk(String name) {
        return find(name).map(c -> c.plan().trunkChoice()).orElse(TrunkChoice.DEFAULT);
    }

    /** Applies a lifecycle command, or throws {@link AdminException} (404 unknown, 409 not allowed now). */
    public Campaign apply(String name, CampaignAction action) {
        Campaign c = find(name).orElseThrow(() -> new AdminException(404, "no campaign named '" + name + "'"));
        switch (action) {
            case LOAD -> {
                move(c, CampaignState.LOADED, action, Desktop.CampaignChange.LOADED);
            }
            case START -> {
                move(c, CampaignState.RUNNING, action, Desktop.CampaignChange.STARTED);
                dialing.started(c);
            }
            case STOP -> {
                move(c, CampaignState.LOADED, action, Desktop.CampaignChange.STOPPED);
                dialing.stopped(c);
            }
            case UNLOAD -> {
                if (c.state() == CampaignState.RUNNING) {
                    move(c, CampaignState.LOADED, CampaignAction.STOP, Desktop.CampaignChange.STOPPED);
                    dialing.stopped(c);
                }
                move(c, CampaignState.UNLOADED, action, Desktop.CampaignChange.UNLOADED);
                dialing.unloaded(c);
            }
        }
        return c;
    }

    private void move(Campaign c, CampaignState next, CampaignAction action,
                      Desktop.CampaignChange notice) {
        if (!c.state().canMoveTo(next)) {
            throw new AdminException(409, "campaign '" + c.name() + "' is " + c.state().statusName() + ": cannot "
                    + action.name().toLowerCase(java.util.Locale.ROOT) + " it");
        }
        c.state(next);
        roster.campaignChanged(c.plan().agentIds(), notice, c.info());
    }

    /** The campaigns an agent works on that are loaded or running ("My Campaigns"). */
    public List<CampaignCard> activeFor(String agentId) {
        List<CampaignCard> list = new ArrayList<>();
        for (Campaign c : byName.values()) {
            if (c.state() != CampaignState.UNLOADED && c.plan().agentIds().contains(agentId)) {
                list.add(c.info());
            }
        }
        return list;
    }

    /** Replays Loaded (and Started) to an agent who logs in after them. */
    public void replayNotices(String agentId, Desktop desktop) {
        for (Campaign c : byName.values()) {
            if (c.state() == CampaignState.UNLOADED || !c.plan().agentIds().contains(agentId)) {
                continue;
            }
            desktop.campaign(Desktop.CampaignChange.LOADED, c.info());
            if (c.state() == CampaignState.RUNNING) {
                desktop.campaign(Desktop.CampaignChange.STARTED, c.info());
            }
        }
    }
}
