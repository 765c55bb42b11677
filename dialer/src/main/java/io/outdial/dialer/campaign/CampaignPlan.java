package io.outdial.dialer.campaign;

import io.outdial.dialer.config.CallerId;
import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.config.DncSettings;
import io.outdial.dialer.config.PreviewSettings;
import io.outdial.dialer.config.RecordingPolicy;
import io.outdial.dialer.pacing.PacingSettings;
import io.outdial.dialer.treatment.Treatments;
import io.outdial.dialer.trunk.TrunkChoice;
import io.outdial.dialer.wrapup.RecordWork;
import java.nio.file.Path;
import java.util.List;

/**
 * A configured campaign.
 *
 * @param agentIds     the agents assigned to it, who get its notices and its calls
 * @param callingList  a CSV imported at start-up when the campaign's list is empty, or null
 * @param detection    what is listened for on the contact's audio
 * @param pacing       predictive pacing and the abandonment rules (defaults for other modes)
 * @param engageAgentFirst ASM / engaging call (progressive, predictive): the agent is called first and gets an empty
 *                     record, filled in when the contact connects
 * @param preview      the campaign's {@code preview:} section (the interaction preview's terms, preview's auto-dial);
 *                     {@link PreviewSettings#defaults()} when null
 * @param work         how agents work its records (Record Information fields, callbacks, Mark Done, transfer
 *                     rules); {@link RecordWork#defaults()} when null
 * @param dispositionCodes the disposition codes an agent may set on its interactions, in configuration order
 *                     ({@code dispositionCodes}); none when null
 * @param treatments   what follows a record's final result ({@code treatments}); {@link Treatments#NONE} when null
 * @param dnc          the pre-dial do-not-call validation ({@code dnc:}); {@link DncSettings#defaults()} when null
 * @param trunk        the trunk its contacts are dialed through, by name ({@code trunk}); the default trunk when
 *                     null. With {@code callerIds}, its {@link #trunkChoice()}
 * @param recording    which of its calls are recorded and what its agents may do with a recording (its entry of
 *                     {@code recording.campaigns}, else the {@code recording:} defaults); {@link RecordingPolicy#NONE}
 *                     when null
 */
public record CampaignPlan(String name, String description, DialingMode dialingMode, List<String> agentIds,
                           int maxAttempts, Path callingList, boolean autoLoad, boolean autoStart,
                           DetectionSettings detection, PacingSettings pacing, boolean engageAgentFirst,
                           List<CallerId> callerIds, PreviewSettings preview,
                           RecordWork.Rules work, List<String> dispositionCodes, Treatments treatments,
                           DncSettings dnc, String trunk, RecordingPolicy recording) {

    public CampaignPlan {
        callerIds = callerIds == null ? List.of() : List.copyOf(callerIds);
        preview = preview == null ? PreviewSettings.defaults() : preview;
        work = work == null ? RecordWork.defaults() : work;
        dispositionCodes = dispositionCodes == null ? List.of() : List.copyOf(dispositionCodes);
        treatments = treatments == null ? Treatments.NONE : treatments;
        dnc = dnc == null ? DncSettings.defaults() : dnc;
        recording = recording == null ? RecordingPolicy.NONE : recording;
    }

    /** Recording none of its calls. */
    public CampaignPlan(String name, String description, DialingMode dialingMode, List<String> agentIds,
                        int maxAttempts, Path callingList, boolean autoLoad, boolean autoStart,
                        DetectionSettings detection, PacingSettings pacing, boolean engageAgentFirst,
                        List<CallerId> callerIds, PreviewSettings preview, RecordWork.Rules work,
                        List<String> dispositionCodes, Treatments treatments, DncSettings dnc, String trunk) {
        this(name, description, dialingMode, agentIds, maxAttempts, callingList, autoLoad, autoStart, detection,
                pacing, engageAgentFirst, callerIds, preview, work, dispositionCodes, treatments, dnc, trunk, null);
    }

    /** Through the default trunk. */
    public CampaignPlan(String name, String description, DialingMode dialingMode, List<String> agentIds,
                        int maxAttempts, Path callingList, boolean autoLoad, boolean autoStart,
                        DetectionSettings detection, PacingSettings pacing, boolean engageAgentFirst,
                        List<CallerId> callerIds, PreviewSettings preview, RecordWork.Rules work,
                        List<String> dispositionCodes, Treatments treatments, DncSettings dnc) {
        this(name, description, dialingMode, agentIds, maxAttempts, callingList, autoLoad, autoStart, detection,
                pacing, engageAgentFirst, callerIds, preview, work, dispositionCodes, treatments, dnc, null);
    }

    /** With no disposition codes, no treatments and the default do-not-call validation. */
    public CampaignPlan(String name, String description, DialingMode dialingMode, List<String> agentIds,
                        int maxAttempts, Path callingList, boolean autoLoad, boolean autoStart,
                        DetectionSettings detection, PacingSettings pacing, boolean engageAgentFirst,
                        List<CallerId> callerIds, PreviewSettings preview,
                        RecordWork.Rules work) {
        this(name, description, dialingMode, agentIds, maxAttempts, callingList, autoLoad, autoStart, detection,
                pacing, engageAgentFirst, callerIds, preview, work, null, null, null, null);
    }

    /** With the default preview terms and record work. */
    public CampaignPlan(String name, String description, DialingMode dialingMode, List<String> agentIds,
                        int maxAttempts, Path callingList, boolean autoLoad, boolean autoStart,
                        DetectionSettings detection, PacingSettings pacing, boolean engageAgentFirst,
                        List<CallerId> callerIds) {
        this(name, description, dialingMode, agentIds, maxAttempts, callingList, autoLoad, autoStart, detection,
                pacing, engageAgentFirst, callerIds, null, null);
    }

    /** Offering no caller ids to choose from. */
    public CampaignPlan(String name, String description, DialingMode dialingMode, List<String> agentIds,
                        int maxAttempts, Path callingList, boolean autoLoad, boolean autoStart,
                        DetectionSettings detection, PacingSettings pacing, boolean engageAgentFirst) {
        this(name, description, dialingMode, agentIds, maxAttempts, callingList, autoLoad, autoStart, detection,
                pacing, engageAgentFirst, List.of());
    }

    /** Without ASM. */
    public CampaignPlan(String name, String description, DialingMode dialingMode, List<String> agentIds,
                        int maxAttempts, Path callingList, boolean autoLoad, boolean autoStart,
                        DetectionSettings detection, PacingSettings pacing) {
        this(name, description, dialingMode, agentIds, maxAttempts, callingList, autoLoad, autoStart, detection,
                pacing, false);
    }

    /**
     * The campaign's way out as configured: its trunk by name and the caller ids it offers, from which
     * {@code trunk.Trunks} gives its route.
     */
    public TrunkChoice trunkChoice() {
        return new TrunkChoice(trunk, callerIds);
    }

    /**
     * True when contacts are dialed with no agent reserved for them, ahead of free agents (call.PredictiveDialing). A
     * predictive campaign that engages its agents first is paced by the same engine but dials for engaged agents
     * (call.EngagedDialing): see {@link #paced()}.
     */
    public boolean predictive() {
        return dialingMode == DialingMode.PREDICTIVE && !engageAgentFirst;
    }

    /**
     * True when the pacing engine decides this campaign's dials: predictive campaigns, and the campaigns that engage
     * their agents first (assured connection, ASM), where each engaged agent is a free agent to the engine.
     */
    public boolean paced() {
        return dialingMode == DialingMode.PREDICTIVE || engagesAgentFirst();
    }

    /** Assured connection, or ASM: the agent's phone is called before the contact (see call.EngagingCall). */
    public boolean engagesAgentFirst() {
        return engageAgentFirst || dialingMode == DialingMode.ASSURED_CONNECTION;
    }

    /** How the desktop shows the mode: "Progressive", "Push Preview", ... */
    public String dialingModeLabel() {
        return dialingMode.label();
    }

    /** Manual delivery is pull (preview); the others push calls to agents. */
    public String deliveryMode() {
        return dialingMode.deliveryLabel();
    }
}
