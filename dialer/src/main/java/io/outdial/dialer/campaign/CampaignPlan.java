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
 * A configured campaign. Built with {@link #builder(String, DialingMode)}, which names each value it sets; the
 * canonical constructor is the only constructor.
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

    /**
     * A plan to be built by name and dialing mode. What is not set is empty, off or the default: no description,
     * agents or calling list, 3 attempts (as the {@code maxAttempts} key), neither auto-loaded nor auto-started,
     * {@link DetectionSettings#DEFAULTS}, {@link PacingSettings#predictive()}, no ASM, no caller ids, the default
     * trunk, and the defaults the canonical constructor gives a null section.
     */
    public static Builder builder(String name, DialingMode dialingMode) {
        return new Builder(name, dialingMode);
    }

    /** The one way to build a plan by the sections it has (Dialer, from a campaign's settings; tests). */
    public static final class Builder {
        private final String name;
        private final DialingMode dialingMode;
        private String description = "";
        private List<String> agentIds = List.of();
        private int maxAttempts = 3;
        private Path callingList;
        private boolean autoLoad;
        private boolean autoStart;
        private DetectionSettings detection = DetectionSettings.DEFAULTS;
        private PacingSettings pacing = PacingSettings.predictive();
        private boolean engageAgentFirst;
        private List<CallerId> callerIds;
        private PreviewSettings preview;
        private RecordWork.Rules work;
        private List<String> dispositionCodes;
        private Treatments treatments;
        private DncSettings dnc;
        private String trunk;
        private RecordingPolicy recording;

        private Builder(String name, DialingMode dialingMode) {
            this.name = name;
            this.dialingMode = dialingMode;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder agents(List<String> agentIds) {
            this.agentIds = agentIds;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder callingList(Path callingList) {
            this.callingList = callingList;
            return this;
        }

        public Builder autoLoad(boolean autoLoad) {
            this.autoLoad = autoLoad;
            return this;
        }

        public Builder autoStart(boolean autoStart) {
            this.autoStart = autoStart;
            return this;
        }

        public Builder detection(DetectionSettings detection) {
            this.detection = detection;
            return this;
        }

        public Builder pacing(PacingSettings pacing) {
            this.pacing = pacing;
            return this;
        }

        public Builder engageAgentFirst(boolean engageAgentFirst) {
            this.engageAgentFirst = engageAgentFirst;
            return this;
        }

        public Builder callerIds(List<CallerId> callerIds) {
            this.callerIds = callerIds;
            return this;
        }

        public Builder preview(PreviewSettings preview) {
            this.preview = preview;
            return this;
        }

        public Builder work(RecordWork.Rules work) {
            this.work = work;
            return this;
        }

        public Builder dispositionCodes(List<String> dispositionCodes) {
            this.dispositionCodes = dispositionCodes;
            return this;
        }

        public Builder treatments(Treatments treatments) {
            this.treatments = treatments;
            return this;
        }

        public Builder dnc(DncSettings dnc) {
            this.dnc = dnc;
            return this;
        }

        public Builder trunk(String trunk) {
            this.trunk = trunk;
            return this;
        }

        public Builder recording(RecordingPolicy recording) {
            this.recording = recording;
            return this;
        }

        public CampaignPlan build() {
            return new CampaignPlan(name, description, dialingMode, agentIds, maxAttempts, callingList, autoLoad,
                    autoStart, detection, pacing, engageAgentFirst, callerIds, preview, work, dispositionCodes,
                    treatments, dnc, trunk, recording);
        }
    }
}
