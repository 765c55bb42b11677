package io.outdial.dialer.config;

import io.outdial.media.player.MediaClip;
import java.nio.file.Path;

/**
 * Recordings the gateway plays ({@code audio:}), each decoded once at start-up and shared by every call.
 *
 * @param holdMusic          looped to a contact on hold; null for silence
 * @param callWaitingMusic   looped to an agent waiting in the engaging phase (assured connection, ASM); defaults to
 *                           the hold music; null for silence
 * @param safeHarbourMessage played once to an answered contact no agent is free for within 2 s (predictive); null
 *                           only when no campaign needs it
 */
public record AudioSettings(MediaClip holdMusic, MediaClip safeHarbourMessage, MediaClip callWaitingMusic) {

    /** Call-waiting music the same as the hold music. */
    public AudioSettings(MediaClip holdMusic, MediaClip safeHarbourMessage) {
        this(holdMusic, safeHarbourMessage, holdMusic);
    }

    static AudioSettings read(YamlSection s, Path baseDir) {
        Path hold = s.file("holdMusic", baseDir);
        Path safeHarbour = s.file("safeHarbourMessage", baseDir);
        Path waiting = s.file("callWaitingMusic", baseDir);
        s.refuseUnknownKeys();
        MediaClip holdClip = hold == null ? null : DetectionSettings.loadClip(s, "holdMusic", hold);
        return new AudioSettings(holdClip,
                safeHarbour == null ? null : DetectionSettings.loadClip(s, "safeHarbourMessage", safeHarbour),
                waiting == null ? holdClip : DetectionSettings.loadClip(s, "callWaitingMusic", waiting));
    }
}
