package io.outdial.dialer.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every configured agent, by id. The set is fixed at start-up; agents change state on the dialer executor. */
public final class AgentRoster {
    /** Told of every agent state change, on the dialer executor, after the desktop was told. */
    public interface StateListener {
        void moved(Agent agent, AgentState previous);
    }

    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final List<StateListener> listeners = new ArrayList<>();

    public AgentRoster(List<AgentProfile> profiles) {
        StateListener all = (agent, previous) -> {
            for (StateListener l : listeners) {
                l.moved(agent, previous);
            }
        };
        for (AgentProfile p : profiles) {
            Agent a = new Agent(p);
            a.stateListener(all);
            agents.put(p.id(), a);
        }
    }

    /** Where agents' registered phones are; every agent asks it when calls follow its registration. */
    public void directory(PhoneDirectory directory) {
        agents.values().forEach(a -> a.directory(directory));
    }

    /** Adds a listener told of every agent's state changes (pacing, negotiated logout), in the order added. */
    public void onStateChange(StateListener listener) {
        listeners.add(listener);
    }

    public Optional<Agent> find(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    public Collection<Agent> all() {
        return agents.values();
    }

    /** Tells every listed agent's desktop that a campaign of theirs changed. */
    public void campaignChanged(Collection<String> agentIds, Desktop.CampaignChange change, CampaignCard campaign) {
        for (String id : agentIds) {
            Agent a = agents.get(id);
            if (a != null) {
                a.desktop().campaign(change, campaign);
            }
        }
    }

    /** Agents in {@code state} right now; safe from any thread (metrics). */
    public int count(AgentState state) {
        int n = 0;
        for (Agent a : agents.values()) {
            if (a.state() == state) {
                n++;
            }
        }
        return n;
    }
}
