package io.outdial.dialer.agent;

import java.util.List;

/**
 * A campaign as an agent's "My Campaigns" shows it.
 *
 * @param callerIds the caller ids an agent may choose from when calling a preview record; empty if none
 */
public record CampaignCard(String name, String description, String status, String dialingMode, String deliveryMode,
                           List<CallerId> callerIds) {

    public CampaignCard {
        callerIds = List.copyOf(callerIds);
    }

    /** A caller id with its display name. */
    public record CallerId(String number, String name) { }
}
