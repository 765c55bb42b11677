package io.outdial.dialer.call;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.config.AudioSettings;
import io.outdial.dialer.config.CallerId;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.trunk.OutboundRoute;
import io.outdial.dialer.trunk.TrunkChoice;
import io.outdial.dialer.trunk.Trunks;
import io.outdial.media.MediaEngine;
import io.outdial.sip.DialRequest;
import io.outdial.sip.SipUserAgent;
import io.outdial.sip.Transport;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * How every dialing mode places its calls: the dial requests (a contact through its campaign's trunk, an agent's
 * phone presenting the contact), each call's own executor, and the calls themselves with the media and audio they
 * play. The one place that knows the SIP user agent, the trunks, the ring timeouts and the agents' transport, so a
 * mode holds this instead of them. Stateless; safe from any thread.
 */
public final class CallPlacement {
    private final SipUserAgent userAgent;
    private final MediaEngine media;
    private final AudioSettings audio;
    private final Trunks trunks;
    private final Duration ringTimeout;
    private final Duration agentRingTimeout;
    private final Transport agentTransport;
    private final Executor workers;
    private final Scheduler scheduler;

    /**
     * @param audio   the recordings calls play (hold music, safe-harbour message, call-waiting music), or null
     * @param workers the pool every call's executor runs on
     */
    public CallPlacement(SipUserAgent userAgent, MediaEngine media, AudioSettings audio, Trunks trunks,
                         Duration ringTimeout, Duration agentRingTimeout, Transport agentTransport, Executor workers,
                         Scheduler scheduler) {
        this.userAgent = userAgent;
        this.media = media;
        this.audio = audio;
        this.trunks = trunks;
        this.ringTimeout = ringTimeout;
        this.agentRingTimeout = agentRingTimeout;
        this.agentTransport = agentTransport;
        this.workers = workers;
        this.scheduler = scheduler;
    }

    /** Whether {@code campaign}'s trunk takes calls now (a registering trunk does not); its return paces again. */
    public boolean trunkAllowsCalls(Campaign campaign) {
        return route(campaign).allowsCalls();
    }

    /**
     * A dial to {@code number} through the trunk a campaign chose ({@code CampaignPlan.trunkChoice()}), with its
     * caller id: a contact, or a transfer out.
     */
    public DialRequest toNumber(TrunkChoice trunk, String number) {
        return trunks.route(trunk).dial(number, ringTimeout);
    }

    /** A dial to {@code number} through {@code campaign}'s trunk presenting {@code callerId} (null: its default). */
    public DialRequest toNumber(Campaign campaign, String number, CallerId callerId) {
        OutboundRoute route = route(campaign);
        return route.dial(number, ringTimeout, callerId == null ? route.defaultCallerId() : callerId);
    }

    /**
     * {@code campaign}'s way out, from its own trunk choice: its trunk, whether it takes calls now, and the caller ids
     * it offers.
     */
    public OutboundRoute route(Campaign campaign) {
        return trunks.route(campaign.plan().trunkChoice());
    }

    /** The SIP user agent the calls are placed with. */
    public SipUserAgent userAgent() {
        return userAgent;
    }

    /** RTP endpoints, detectors and players for the calls. */
    public MediaEngine media() {
        return media;
    }

    /** The music a held contact hears, or null if none is configured. */
    public io.outdial.media.player.MediaClip holdMusic() {
        return audio == null ? null : audio.holdMusic();
    }

    /** A dial to an agent's phone, presenting the contact's number and the campaign. */
    public DialRequest toAgentPhone(Agent agent, CallingRecord record, String campaign) {
        return DialRequest.agentPhone(agent.phone(), agentTransport, record.contactInfo(), campaign, agentRingTimeout);
    }

    /** A serial executor of its own for one call, on the shared worker pool. */
    public CallExecutor executorFor(String name) {
        return new CallExecutor(name, workers, scheduler);
    }

    /**
     * A contact call on an executor of its own (progressive: with its agent's phone; predictive: {@code toAgent}
     * null, the agent is found at the answer).
     */
    public CampaignCall contactCall(String id, Campaign campaign, CallingRecord record, DialRequest toAgent,
                                    CampaignCall.Observer observer) {
        return contactCallOn(executorFor("call-" + id), id, campaign, record, toAgent, observer);
    }

    /** A contact call on {@code executor} (an engaged agent's contacts ride on the agent's call's executor). */
    public CampaignCall contactCallOn(CallExecutor executor, String id, Campaign campaign, CallingRecord record,
                                      DialRequest toAgent, CampaignCall.Observer observer) {
        return new CampaignCall(id, executor, userAgent, toNumber(campaign.plan().trunkChoice(), record.contactInfo()),
                toAgent, observer, campaign.plan().detection(), media, audio);
    }

    /** An agent's call placed first (assured connection, ASM), playing the call-waiting music while engaged. */
    public EngagingCall engagingCall(String id, Agent agent, Campaign campaign, CallingRecord record,
                                     EngagingCall.Observer observer) {
        return new EngagingCall(id, executorFor("engaging-" + id), userAgent,
                toAgentPhone(agent, record, campaign.name()), media,
                audio == null ? null : audio.callWaitingMusic(), observer);
    }
}
