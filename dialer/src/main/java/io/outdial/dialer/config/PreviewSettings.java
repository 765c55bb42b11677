package io.outdial.dialer.config;

import java.time.Duration;

/**
 * A campaign's {@code preview:} section: the interaction preview an agent Accepts or Rejects (push preview, direct
 * push preview, and progressive with {@code interactionPreview}).
 *
 * @param interactionPreview progressive only: a reserved record is shown to the agent before it is dialed
 * @param acceptTimeout      how long the agent has to Accept or Reject before the record goes back to the top
 * @param autoReject         on that timeout the agent's channel also goes Not Ready (outbound-preview channel for
 *                           push preview, voice for progressive; direct push preview stops delivering)
 * @param autoAnswer         the countdown after which the preview is accepted on the agent's behalf, or null (off)
 * @param rejectDuringAutoAnswer whether Reject is allowed during the auto-answer countdown
 */
public record PreviewSettings(boolean interactionPreview, Duration acceptTimeout, boolean autoReject,
                              Duration autoAnswer, boolean rejectDuringAutoAnswer) {

    /** Defaults: no interaction preview in progressive, 30 s to answer, no auto-reject, no auto-answer. */
    public static PreviewSettings defaults() {
        return new PreviewSettings(false, Duration.ofSeconds(30), false, null, true);
    }

    static PreviewSettings read(YamlSection s, DialingMode mode) {
        PreviewSettings d = defaults();
        if (s.has("interactionPreview") && mode != DialingMode.PROGRESSIVE) {
            throw s.fail("interactionPreview", "applies only to dialingMode progressive (push_preview and"
                    + " direct_push_preview always preview); this campaign's mode is " + mode.wireName(), "a flag");
        }
        boolean interactionPreview = s.flag("interactionPreview", d.interactionPreview());
        Duration acceptTimeout = s.duration("acceptTimeout", d.acceptTimeout(), Duration.ofSeconds(1),
                Duration.ofMinutes(10));
        boolean autoReject = s.flag("autoReject", d.autoReject());
        Duration autoAnswer = s.duration("autoAnswer", null, Duration.ZERO, Duration.ofMinutes(5));
        boolean rejectDuring = s.flag("rejectDuringAutoAnswer", d.rejectDuringAutoAnswer());
        s.refuseUnknownKeys();
        return new PreviewSettings(interactionPreview, acceptTimeout, autoReject, autoAnswer, rejectDuring);
    }
}
