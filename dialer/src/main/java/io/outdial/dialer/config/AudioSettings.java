package io.outdial.dialer.config;

import io.outdial.media.player.MediaClip;
import java.nio.file.Path;

/**
 * Recordings the gateway plays ({@code audio:}), each decoded once at start-up and shared by every call.
 *
 * @param holdMusic          looped to a contact on hold and to an agent waiting in the engaging phase; null for
 *                           silence
 * @param safeHarbourMessage played once to an answered contact no agent is free for within 2 s (predictive); null
 *                           only when no campaign needs it
 */
public record AudioSettings(MediaClip holdMusic, MediaClip safeHarbourMessage) {

    static AudioSettings read(YamlSection s, Path baseDir) {
        Path hold = s.file("holdMusic", baseDir);
        Path safeHarbour = s.file("safeHarbourMessage", baseDir);
        s.refuseUnknownKeys();
        return new AudioSettings(hold == null ? null : DetectionSettings.loadClip(s, "holdMusic", hold),
                safeHarbour == null ? null : DetectionSettings.loadClip(s, "safeHarbourMessage", safeHarbour));
    }
}
