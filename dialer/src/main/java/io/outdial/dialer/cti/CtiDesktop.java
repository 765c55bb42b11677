package io.outdial.dialer.cti;

import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Desktop;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.OutboundPreviewState;
import io.outdial.dialer.agent.CampaignCard;
import io.outdial.dialer.config.BrowserPhoneSettings;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactEdits;
import io.outdial.dialer.store.ContactHistoryEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * An agent's desktop connected over the CTI WebSocket: the only {@link Desktop} there is, and the only code outside
 * the CTI command handlers that builds CTI events. Each notice becomes one event on the agent's channel; nothing is
 * sent once the channel has closed.
 */
public final class CtiDesktop implements Desktop {
    private final AgentChannel channel;

    public CtiDesktop(AgentChannel channel) {
        this.channel = channel;
    }

    /** The channel behind an agent's desktop, or null if the agent has no CTI desktop. */
    public static AgentChannel channelOf(Agent agent) {
        return agent.desktop() instanceof CtiDesktop d ? d.channel : null;
    }

    /** Sends a CTI event of the command handlers' own (a reply) to the agent's CTI desktop, if it has one. */
    public static void send(Agent agent, CtiEvent event) {
        if (agent.desktop() instanceof CtiDesktop d) {
            d.send(event);
        }
    }

    public AgentChannel channel() {
        return channel;
    }

    public void send(CtiEvent event) {
        if (channel.isOpen()) {
            channel.send(event);
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void agentState(String requestId, String agentId, AgentState state, String reason) {
        send(new CtiEvent.AgentStateChanged(requestId, agentId, state.wireName(), reason));
    }

    @Override
    public void outboundPreviewState(String requestId, String agentId, OutboundPreviewState state, String reason) {
        send(new CtiEvent.OutboundPreviewStateChanged(requestId, agentId, state.wireName(), reason));
    }

    @Override
    public void campaign(CampaignChange change, CampaignCard campaign) {
        CtiEvent.CampaignInfo info = CtiWire.campaign(campaign);
        send(switch (change) {
            case LOADED -> new CtiEvent.CampaignLoaded(info);
            case STARTED -> new CtiEvent.CampaignStarted(info);
            case STOPPED -> new CtiEvent.CampaignStopped(info);
            case UNLOADED -> new CtiEvent.CampaignUnloaded(info);
        });
    }

    @Override
    public void ringing(Interaction ix) {
        send(new CtiEvent.InteractionRinging(CtiWire.interaction(ix)));
    }

    @Override
    public void established(Interaction ix) {
        send(new CtiEvent.InteractionEstablished(CtiWire.interaction(ix)));
    }

    @Override
    public void engaged(Interaction ix) {
        send(new CtiEvent.InteractionEngaged(CtiWire.interaction(ix)));
    }

    @Override
    public void updated(String requestId, Interaction ix) {
        send(new CtiEvent.InteractionUpdated(requestId, CtiWire.interaction(ix)));
    }

    @Override
    public void held(String requestId, Interaction ix) {
        send(new CtiEvent.InteractionHeld(requestId, CtiWire.interaction(ix)));
    }

    @Override
    public void retrieved(String requestId, Interaction ix) {
        send(new CtiEvent.InteractionRetrieved(requestId, CtiWire.interaction(ix)));
    }

    @Override
    public void released(Interaction ix) {
        send(new CtiEvent.InteractionReleased(CtiWire.interaction(ix)));
    }

    @Override
    public void done(String requestId, Interaction ix, CallResult result) {
        send(new CtiEvent.InteractionDone(requestId, ix.id(), result.name()));
    }

    @Override
    public void preview(String requestId, Interaction ix, PreviewTerms offer, Integer autoDialIn) {
        send(offer == null
                ? new CtiEvent.InteractionPreview(requestId, CtiWire.interaction(ix), null, null, null, autoDialIn)
                : new CtiEvent.InteractionPreview(requestId, CtiWire.interaction(ix), offer.acceptTimeout(),
                        offer.autoAnswerIn(), offer.rejectAllowed(), autoDialIn));
    }

    @Override
    public void autoDialPaused(String requestId, Interaction ix) {
        send(new CtiEvent.AutoDialPaused(requestId, ix.id()));
    }

    @Override
    public void accepted(String requestId, Interaction ix, boolean auto) {
        send(new CtiEvent.InteractionAccepted(requestId, ix.id(), auto));
    }

    @Override
    public void rejected(String requestId, Interaction ix, String reason) {
        send(new CtiEvent.InteractionRejected(requestId, ix.id(), reason));
    }

    @Override
    public void declined(String requestId, Interaction ix, String reason) {
        send(new CtiEvent.InteractionDeclined(requestId, ix.id(), reason));
    }

    @Override
    public void noRecord(String requestId, String campaign, String reason) {
        send(new CtiEvent.NoRecord(requestId, campaign, reason));
    }

    @Override
    public void recordDelivery(String requestId, String campaign, boolean delivering, String reason) {
        send(new CtiEvent.RecordDeliveryChanged(requestId, campaign, delivering, reason));
    }

    @Override
    public void doNotCall(String requestId, String interactionId, CallingRecord record, String reason,
                          boolean nextNumberSelected, String message) {
        send(new CtiEvent.DoNotCallNotice(requestId, record.campaign(), interactionId, record.recordId(),
                record.contactInfo(), reason, nextNumberSelected, message));
    }

    @Override
    public void recordFieldsUpdated(String requestId, Interaction ix, CallingRecord stored) {
        send(new CtiEvent.RecordFieldsUpdated(requestId, ix.id(), stored.toWire(),
                ix.recordFields().toWire(stored.customFields())));
    }

    @Override
    public void contactHistory(String requestId, Interaction ix, long recordId, List<ContactHistoryEntry> entries) {
        send(new CtiEvent.ContactHistory(requestId, ix.id(), recordId, CtiWire.history(entries)));
    }

    @Override
    public void contactNumbers(String requestId, Interaction ix, long recordId, List<ChainNumber> numbers) {
        send(new CtiEvent.ContactNumbers(requestId, ix.id(), recordId,
                numbers.stream().map(n -> CtiWire.number(n.record(), n.selectable())).toList()));
    }

    @Override
    public void contactDirectory(String requestId, Interaction ix, CallingRecord record, List<CallingRecord> chain,
                                 List<ContactEdits.FieldChange> changes) {
        send(new CtiEvent.ContactDirectory(requestId, ix.id(), record.recordId(),
                new LinkedHashMap<>(record.customFields()),
                chain.stream().map(r -> CtiWire.number(r, false)).toList(),
                changes.stream().map(c -> new CtiEvent.FieldChange(c.at().toString(), c.agentId(),
                        c.interactionId(), c.field(), c.from(), c.to())).toList()));
    }

    @Override
    public void contactsFound(String requestId, String campaign, String query, List<CallingRecord> found) {
        send(new CtiEvent.Contacts(requestId, campaign, query, found.stream()
                .map(r -> new CtiEvent.ContactFound(r.recordId(), r.contactInfo(), r.contactInfoType(),
                        new LinkedHashMap<>(r.customFields())))
                .toList()));
    }

    @Override
    public void recordingStarted(String requestId, Interaction ix, long recordingId, List<String> agentControl) {
        send(new CtiEvent.RecordingStarted(requestId, ix.id(), recordingId, agentControl));
    }

    @Override
    public void recordingPaused(String requestId, Interaction ix, long recordingId) {
        send(new CtiEvent.RecordingPaused(requestId, ix.id(), recordingId));
    }

    @Override
    public void recordingResumed(String requestId, Interaction ix, long recordingId) {
        send(new CtiEvent.RecordingResumed(requestId, ix.id(), recordingId));
    }

    @Override
    public void recordingStopped(String requestId, Interaction ix, long recordingId, RecordingEnd end,
                                 String reason) {
        send(new CtiEvent.RecordingStopped(requestId, ix.id(), recordingId, end.name().toLowerCase(Locale.ROOT),
                reason));
    }

    @Override
    public void phoneAnswer(String requestId, String sdp) {
        send(new CtiEvent.PhoneAnswer(requestId, sdp));
    }

    @Override
    public void phoneConnected(String agentId) {
        send(new CtiEvent.PhoneConnected(agentId));
    }

    @Override
    public void phoneLost(String agentId, String reason) {
        send(new CtiEvent.PhoneLost(agentId, reason));
    }

    @Override
    public void phoneSettings(String agentId, List<BrowserPhoneSettings.IceServer> iceServers) {
        send(new CtiEvent.PhoneSettings(agentId, iceServers.stream()
                .map(i -> new CtiEvent.IceServer(i.urls(), i.username(), i.credential())).toList()));
    }

    @Override
    public void phoneLostNotice(String agentId, String reason, Instant at, Interaction ix) {
        send(new CtiEvent.PhoneLostNotice(agentId, reason, at.toString(), ix == null ? null : ix.id(),
                ix == null ? null : ix.campaign(), ix == null || ix.recordHidden() ? null : ix.record().contactInfo(),
                ix == null || ix.callResult() == null ? null : ix.callResult().name()));
    }

    @Override
    public void refused(String requestId, Refused.Why why, String message) {
        send(new CtiEvent.Error(requestId, CtiWire.code(why), message));
    }
}
