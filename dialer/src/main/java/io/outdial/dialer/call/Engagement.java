package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.config.DialingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One engaged agent as the dialer tracks it. */
final class Engagement {
    final EngagingCall call;
    final Agent agent;
    final Campaign campaign;
    /** The interaction the agent's desktop shows (null once released there). */
    Interaction shown;
    /** The record the engagement was started for, until it is dialed. */
    Interaction first;
    final Map<CampaignCall, EngagedContact> contacts = new LinkedHashMap<>();
    int retrieving;
    boolean engaged;
    boolean connected;

    Engagement(EngagingCall call, Agent agent, Campaign campaign, Interaction first) {
        this.call = call;
        this.agent = agent;
        this.campaign = campaign;
        this.shown = first;
        this.first = first;
    }

    boolean assured() {
        return campaign.plan().dialingMode() == DialingMode.ASSURED_CONNECTION;
    }

    /** The agent waits on the line for a contact: more may be dialed for it. */
    boolean waiting() {
        return engaged && !connected && first == null && call.phase().engaging();
    }

    int lines() {
        return contacts.size() + retrieving;
    }
}
