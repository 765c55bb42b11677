package io.outdial.dialer.config;

import java.time.Duration;

/**
 * A campaign's {@code preview:} section: the interaction preview an agent Accepts or Rejects (push preview, direct
 * push preview, and progressive and predictive with {@code interactionPreview}).
 *
 * @param interactionPreview progressive: a reserved record is shown to the agent before it is dialed; predictive: an
 *                           answered contact is shown to the agent before the agent is connected
 * @param acceptTimeout      how long the agent has to Accept or Reject before the record goes back to the top
 *                           (predictive: cut to what is left of the connect window, which counts from the pick-up)
 * @param autoReject         on that timeout the agent's channel also goes Not Ready (outbound-preview channel for
 *                           push preview, voice for progressive; direct push preview stops delivering)
 * @param autoAnswer         the countdown after which the preview is accepted on the agent's behalf, or null (off)
 * @param rejectDuringAutoAnswer whether Reject is allowed during the auto-answer countdown
 * @param autoDial           preview (pull) only: off, immediate (dialed when previewed) or timed (after a countdown)
 * @param autoDialAfter      the timed auto-dial countdown
 */
public record PreviewSettings(boolean interactionPreview, Duration acceptTimeout, boolean autoReject,
                              Duration autoAnswer, boolean rejectDuringAutoAnswer, AutoDial autoDial,
                              Duration autoDialAfter) {

    /** The push / progressive terms, without auto-dial. */
    public PreviewSettings(boolean interactionPreview, Duration acceptTimeout, boolean autoReject,
                           Duration autoAnswer, boolean rejectDuringAutoAnswer) {
        this(interactionPreview, acceptTimeout, autoReject, autoAnswer, rejectDuringAutoAnswer, AutoDial.OFF,
                Duration.ofSeconds(10));
    }

    /** Defaults: no interaction preview in progressive, 30 s to answer, no auto-reject, no auto-answer. */
    public static PreviewSettings defaults() {
        return new PreviewSettings(false, Duration.ofSeconds(30), false, null, true);
    }

    /** Keys of the Accept / Reject interaction preview, which a preview (pull) campaign does not have. */
    private static final java.util.List<String> OFFER_KEYS = java.util.List.of("acceptTimeout", "autoReject",
            "autoAnswer", "rejectDuringAutoAnswer");

    static PreviewSettings read(YamlSection s, DialingMode mode) {
        PreviewSettings d = defaults();
        if (s.has("interactionPreview") && mode != DialingMode.PROGRESSIVE && mode != DialingMode.PREDICTIVE) {
            throw s.fail("interactionPreview", "applies only to dialingMode progressive and predictive (push_preview"
                    + " and direct_push_preview always preview); this campaign's mode is " + mode.wireName(),
                    "a flag");
        }
        if (mode == DialingMode.PREVIEW) {
            for (String key : OFFER_KEYS) {
                if (s.has(key)) {
                    throw s.fail(key, "does not apply to dialingMode preview (the agent Calls or Declines; use"
                            + " autoDial / autoDialAfter)", "an Accept / Reject setting");
                }
            }
        } else {
            for (String key : java.util.List.of("autoDial", "autoDialAfter")) {
                if (s.has(key)) {
                    throw s.fail(key, "applies only to dialingMode preview; this campaign's mode is "
                            + mode.wireName(), "an auto-dial setting");
                }
            }
        }
        boolean interactionPreview = s.flag("interactionPreview", d.interactionPreview());
        Duration acceptTimeout = s.duration("acceptTimeout", d.acceptTimeout(), Duration.ofSeconds(1),
                Duration.ofMinutes(10));
        boolean autoReject = s.flag("autoReject", d.autoReject());
        Duration autoAnswer = s.duration("autoAnswer", null, Duration.ZERO, Duration.ofMinutes(5));
        boolean rejectDuring = s.flag("rejectDuringAutoAnswer", d.rejectDuringAutoAnswer());
        boolean afterGiven = s.has("autoDialAfter");
        AutoDial autoDial = s.oneOf("autoDial", d.autoDial(), AutoDial.values());
        Duration autoDialAfter = s.duration("autoDialAfter", d.autoDialAfter(), Duration.ofSeconds(1),
                Duration.ofMinutes(10));
        if (afterGiven && autoDial != AutoDial.TIMED) {
            throw s.fail("autoDialAfter", "applies only with autoDial: timed", "autoDial: "
                    + autoDial.name().toLowerCase(java.util.Locale.ROOT));
        }
        s.refuseUnknownKeys();
        return new PreviewSettings(interactionPreview, acceptTimeout, autoReject, autoAnswer, rejectDuring, autoDial,
                autoDialAfter);
    }
}
