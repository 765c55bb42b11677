package io.outdial.dialer.config;

import io.outdial.dialer.pacing.PacingSettings;
import io.outdial.dialer.treatment.Treatments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One campaign ({@code campaigns:} list item).
 *
 * @param name        unique name, also used in URLs ({@code /api/campaigns/{name}})
 * @param description free text shown to agents and supervisors
 * @param dialingMode how contacts reach agents; unsupported modes are refused when the campaign is loaded
 * @param agents      ids of the configured agents who work on this campaign
 * @param callingList CSV file imported at start-up when the campaign's list is empty, or null
 * @param autoLoad    load the campaign at start-up
 * @param autoStart   start the campaign at start-up (needs autoLoad)
 * @param maxAttempts dial attempts per record before it is no longer retrieved
 * @param detection   what is listened for on the contact's audio (tones, fax, silence, answering machines)
 * @param dispositionCodes the disposition codes an agent may set on this campaign's interactions
 * @param pacing      how a predictive campaign is paced, and the abandonment rules (the defaults for other modes,
 *                    whose abandoned calls still follow the no-redial rule)
 * @param treatments  what follows each call result: retry, retry at a time, next number in the chain, cancel
 * @param preview     the interaction preview (Accept / Reject) of push preview, direct push preview and progressive
 * @param engageAgentFirst ASM / engaging call (progressive and predictive only): the agent's phone is called first
 *                    and the desktop gets an empty record, filled in when the contact connects
 * @param dnc         do-not-call checks before each dial: the customer-id field, the pre-dial validation service
 * @param work        Record Information fields, callback rules and Mark Done ({@code recordFields},
 *                    {@code callbacks}, {@code markDone})
 */
public record CampaignSettings(String name, String description, DialingMode dialingMode, List<String> agents,
                               Path callingList, boolean autoLoad, boolean autoStart, int maxAttempts,
                               DetectionSettings detection, List<String> dispositionCodes, PacingSettings pacing,
                               Treatments treatments, PreviewSettings preview, boolean engageAgentFirst,
                               DncSettings dnc, WorkSettings work, String trunk, List<CallerId> callerIds) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public CampaignSettings {
        agents = List.copyOf(agents);
        dispositionCodes = List.copyOf(dispositionCodes);
        callerIds = List.copyOf(callerIds);
    }

    /** The same campaign with another calling list (the demo dials its own). */
    public CampaignSettings withCallingList(Path list) {
        return new CampaignSettings(name, description, dialingMode, agents, list, autoLoad, autoStart, maxAttempts,
                detection, dispositionCodes, pacing, treatments, preview, engageAgentFirst, dnc, work, trunk, callerIds);
    }

    static CampaignSettings read(YamlSection s, Path baseDir) {
        String name = s.requiredText("name");
        if (!NAME.matcher(name).matches()) {
            throw s.fail("name", "must be 1..64 letters, digits, '_' or '-' (it appears in URLs)", name);
        }
        String description = s.text("description", "");
        DialingMode mode = s.oneOf("dialingMode", DialingMode.PROGRESSIVE, DialingMode.values());
        List<String> agents = s.textList("agents");
        Path list = s.file("callingList", baseDir);
        if (list != null && !Files.isRegularFile(list)) {
            throw s.fail("callingList", "must name an existing CSV file (relative paths start at the "
                    + "configuration file's folder)", list.toString());
        }
        boolean autoLoad = s.flag("autoLoad", true);
        boolean autoStart = s.flag("autoStart", false);
        int maxAttempts = s.integer("maxAttempts", 3, 1, 100);
        DetectionSettings detection = DetectionSettings.read(s.section("detection"), baseDir);
        List<String> codes = s.textList("dispositionCodes");
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code.isBlank() || code.length() > 64 || codes.subList(0, i).contains(code)) {
                throw s.fail("dispositionCodes", "must be distinct, non-blank codes of at most 64 characters", code);
            }
        }
        if (s.has("pacing") && mode != DialingMode.PREDICTIVE) {
            throw s.fail("pacing", "applies only to dialingMode predictive; this campaign's mode is "
                    + mode.wireName(), "a mapping");
        }
        PacingSettings pacing = PacingSection.read(s.section("pacing"));
        Treatments treatments = TreatmentSection.read(s.sections("treatments"));
        if (s.has("preview") && mode != DialingMode.PROGRESSIVE && mode != DialingMode.PUSH_PREVIEW
                && mode != DialingMode.DIRECT_PUSH_PREVIEW && mode != DialingMode.PREVIEW
                && mode != DialingMode.PREDICTIVE) {
            throw s.fail("preview", "applies only to dialingMode preview, push_preview, direct_push_preview,"
                    + " progressive and predictive;"
                    + " this campaign's mode is " + mode.wireName(), "a mapping");
        }
        PreviewSettings preview = PreviewSettings.read(s.section("preview"), mode);
        boolean engageAgentFirst = s.flag("engageAgentFirst", false);
        if (engageAgentFirst && mode != DialingMode.PROGRESSIVE && mode != DialingMode.PREDICTIVE) {
            throw s.fail("engageAgentFirst", "applies only to dialingMode progressive or predictive (assured_connection"
                    + " always engages the agent first); this campaign's mode is " + mode.wireName(), true);
        }
        if (engageAgentFirst && preview.interactionPreview()) {
            throw s.fail("engageAgentFirst", "cannot be combined with preview.interactionPreview: an engaged agent is"
                    + " already on the line and sees its record when the contact connects; choose one", true);
        }
        DncSettings dnc = DncSettings.read(s.section("dnc"));
        WorkSettings work = WorkSettings.read(s);
        String trunk = s.text("trunk", TrunkSettings.DEFAULT_NAME);
        List<CallerId> callerIds = CallerId.readList(s);
        s.refuseUnknownKeys();
        if (autoStart && !autoLoad) {
            throw s.fail("autoStart", "can be true only when autoLoad is true", true);
        }
        return new CampaignSettings(name, description, mode, agents, list, autoLoad, autoStart, maxAttempts,
                detection, codes, pacing, treatments, preview, engageAgentFirst, dnc, work, trunk, callerIds);
    }
}
