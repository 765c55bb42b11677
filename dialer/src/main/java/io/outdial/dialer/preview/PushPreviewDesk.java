package io.outdial.dialer.preview;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.agent.OutboundPreviewState;
import io.outdial.dialer.call.ModePolicy;
import io.outdial.dialer.call.RecordWrites;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.dnc.RecordSource;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push preview and direct push preview: the gateway pushes the next record to an agent as an interaction preview
 * (Accept dials as preview's Call; Reject or the timeout returns the record to the top of the list). Push preview
 * delivers while the agent's outbound-preview channel is Ready; direct push preview ignores Ready / Not Ready and
 * delivers between the agent's GetRecord and StopRecords (or Done and Stop). Dialer executor only.
 */
public final class PushPreviewDesk implements ModePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(PushPreviewDesk.class);

    private final CallExecutor dialer;
    private final RecordSource records;
    private final InteractionIds ids;
    private final Campaigns campaigns;
    private final AgentRoster roster;
    private final InteractionPreviews previews;
    private final PreviewDesk preview;
    private final RecordWrites writes;
    /** Direct push preview's Get Record / Stop toggle: campaign name to the agents it delivers to. */
    private final Map<String, Set<String>> delivering = new HashMap<>();
    private final Set<String> retrieving = new HashSet<>();

    /**
     * @param dialer  the dialer's executor, which runs this desk
     * @param records where the pushed records come from (retrieval and the pre-dial check)
     * @param ids     the one source of interaction ids
     * @param writes  the dialer's one set of record writes (shutdown waits for them all)
     */
    public PushPreviewDesk(CallExecutor dialer, RecordSource records, InteractionIds ids,
                           RecordWrites writes, Campaigns campaigns, AgentRoster roster, InteractionPreviews previews,
                           PreviewDesk preview) {
        this.dialer = dialer;
        this.records = records;
        this.ids = ids;
        this.campaigns = campaigns;
        this.roster = roster;
        this.previews = previews;
        this.preview = preview;
        this.writes = writes;
    }

    /** True for a direct push preview campaign (its GetRecord is this desk's toggle). */
    public boolean isDirectPush(String campaignName) {
        return campaigns.find(campaignName).map(c -> c.plan().dialingMode() == DialingMode.DIRECT_PUSH_PREVIEW).orElse(false);
    }

    /** Direct push preview's Get Record: records are delivered to the agent until Stop or Done and Stop. */
    public void startDelivery(Agent agent, String campaignName, String requestId) {
        Campaign campaign = directCampaign(agent, campaignName, "GetRecord");
        if (campaign.state() != CampaignState.RUNNING) {
            throw PreviewDesk.notAllowed("GetRecord", agent, "campaign '" + campaignName + "' is "
                    + campaign.state().statusName() + ", not Running");
        }
        delivering.computeIfAbsent(campaign.name(), k -> new LinkedHashSet<>()).add(agent.id());
        LOG.info("campaign {}: delivering records to {}", campaign.name(), agent.id());
        agent.desktop().recordDelivery(requestId, campaign.name(), true, "GetRecord");
        campaign.listMayHaveRecords();
        paceNow();
    }

    /** Direct push preview's Stop: no more records (a record in hand stays the agent's). */
    public void stopDelivery(Agent agent, String campaignName, String requestId) {
        Campaign campaign = directCampaign(agent, campaignName, "StopRecords");
        stop(agent, campaign, requestId, "Stop");
    }

    private void stop(Agent agent, Campaign campaign, String requestId, String reason) {
        Set<String> agents = delivering.get(campaign.name());
        if (agents != null) {
            agents.remove(agent.id());
        }
        LOG.info("campaign {}: no more records for {} ({})", campaign.name(), agent.id(), reason);
        agent.desktop().recordDelivery(requestId, campaign.name(), false, reason);
    }

    private Campaign directCampaign(Agent agent, String campaignName, String command) {
        Campaign campaign = campaigns.find(campaignName).orElseThrow(() -> new Refused(Refused.Why.UNKNOWN_CAMPAIGN,
                "no campaign named '" + campaignName + "'"));
        if (!campaign.plan().agentIds().contains(agent.id())) {
            throw PreviewDesk.notOnCampaign(command, agent, campaignName);
        }
        if (campaign.plan().dialingMode() != DialingMode.DIRECT_PUSH_PREVIEW) {
            throw PreviewDesk.notAllowed(command, agent, "campaign '" + campaignName + "' is "
                    + campaign.plan().dialingModeLabel() + ", not Direct Push Preview");
        }
        return campaign;
    }

    /** Push preview and direct push preview: records pushed to the agents' desktops. */
    @Override
    public Set<DialingMode> dialingModes() {
        return Set.of(DialingMode.PUSH_PREVIEW, DialingMode.DIRECT_PUSH_PREVIEW);
    }

    /** A pacing pass (dialer executor): a record for each agent a push campaign may deliver to now. */
    public void paceNow() {
        java.time.Instant now = dialer.scheduler().now();
        for (Campaign campaign : campaigns.all()) {
            if (chooses(campaign.plan())) {
                pace(campaign, now);
            }
        }
    }

    /** One push-preview campaign: a record retrieved for each agent it may deliver one to now. */
    @Override
    public void pace(Campaign campaign, java.time.Instant now) {
        if (campaign.state() != CampaignState.RUNNING || campaign.listExhausted()) {
            return;
        }
        for (String agentId : campaign.plan().agentIds()) {
            roster.find(agentId).ifPresent(agent -> {
                if (mayDeliver(agent, campaign) && retrieving.add(agentId)) {
                    retrieveFor(campaign, agent);
                }
            });
        }
    }

    private boolean mayDeliver(Agent agent, Campaign campaign) {
        if (!agent.hasDesktop() || agent.interaction() != null || agent.logoutAfterCall()
                || !(agent.state() == AgentState.READY || agent.state() == AgentState.NOT_READY)) {
            return false;
        }
        if (campaign.plan().dialingMode() == DialingMode.PUSH_PREVIEW) {
            return agent.outboundPreview() == OutboundPreviewState.READY;
        }
        return delivering.getOrDefault(campaign.name(), Set.of()).contains(agent.id());
    }

    private void retrieveFor(Campaign campaign, Agent agent) {
        records.next(campaign, agent.id(), false)
                .whenCompleteAsync(Continuations.logged("PushPreviewDesk.retrieveFor", (retrieval, error) -> {
                    retrieving.remove(agent.id());
                    Optional<CallingRecord> record = error == null ? retrieval.record() : Optional.empty();
                    if (error == null && agent.hasDesktop()) {
                        // Records refused on the way were meant for this agent: the seed's message for each.
                        retrieval.notices().forEach(n -> DncNotices.tell(agent, null, null, n));
                    }
                    if (error != null || record.isEmpty()) {
                        if (error != null) {
                            LOG.error("campaign {}: cannot retrieve a record", campaign.name(), error);
                        }
                        campaign.markExhausted(dialer, LIST_RECHECK, this::paceNow);
                    } else if (campaign.state() != CampaignState.RUNNING || !mayDeliver(agent, campaign)) {
                        writes.returnToReady(record.get().recordId());
                    } else {
                        offer(campaign, agent, record.get());
                    }
                    paceNow();
                }), dialer);
    }

    private void offer(Campaign campaign, Agent agent, CallingRecord record) {
        Interaction ix = new Interaction(ids.next(InteractionIds.Owner.PUSH_PREVIEW), campaign.name(),
                record);
        ix.recordFields(campaign.plan().work().fields());
        AgentState before = agent.state();
        preview.assignments().give(agent, InteractionIds.Owner.PUSH_PREVIEW, ix);
        agent.moveTo(AgentState.RESERVED, campaign.name());
        previews.offer(agent, campaign, ix, campaign.plan().preview(),
                before, new InteractionPreviews.Handler() {
                    @Override
                    public void accepted(Agent a, Campaign c, Interaction accepted) {
                        preview.callAccepted(a, c, accepted, before, next -> {
                            if (!next && c.plan().dialingMode() == DialingMode.DIRECT_PUSH_PREVIEW) {
                                stop(a, c, null, "DoneAndStop");
                            }
                        });
                    }

                    @Override
                    public AgentState autoRejected(Agent a, Campaign c, AgentState voiceBefore) {
                        if (c.plan().dialingMode() == DialingMode.DIRECT_PUSH_PREVIEW) {
                            stop(a, c, null, "AutoRejected");
                        } else if (a.outboundPreview() == OutboundPreviewState.READY) {
                            a.moveOutboundPreview(OutboundPreviewState.NOT_READY, "AutoRejected", null);
                        }
                        return voiceBefore;
                    }
                });
    }

    /** The campaign stopped or was unloaded: direct push deliveries end (agents must Get Record again). */
    public void campaignEnded(Campaign campaign) {
        delivering.remove(campaign.name());
    }

    /** The agent's desktop went away: its direct push deliveries end. */
    public void agentGone(Agent agent) {
        delivering.values().forEach(agents -> agents.remove(agent.id()));
    }
}
