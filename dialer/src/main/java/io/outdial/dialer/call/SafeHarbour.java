package io.outdial.dialer.call;

import io.outdial.core.exec.Continuations;
import io.outdial.core.exec.CallExecutor;
import io.outdial.media.MediaEngine;
import io.outdial.media.Playback;
import io.outdial.media.player.MediaClip;
import io.outdial.sip.Leg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a contact no agent can take hears: the safe-harbour message (who called, a number to call back), played at
 * once, within the connect window, and the contact is hung up when it ends. Without a configured message, or with no
 * media to play it on, the contact is hung up at once. Call's executor only.
 */
final class SafeHarbour {
    /** Logged as the call's own lines. */
    private static final Logger LOG = LoggerFactory.getLogger(CampaignCall.class);

    private final String callId;
    private final CallExecutor executor;
    private final MediaEngine media;
    /** Null: the contact is hung up at once. */
    private final MediaClip message;
    private Playback playing;

    SafeHarbour(String callId, CallExecutor executor, MediaEngine media, MediaClip message) {
        this.callId = callId;
        this.executor = executor;
        this.media = media;
        this.message = message;
    }

    /** Plays the message to {@code contact} and hangs it up when it ends (at once without a message to play). */
    void play(Leg contact) {
        if (message == null || contact.state().isTerminal() || contact.media() == null
                || contact.media().peer() == null) {
            LOG.info("call {}: no agent for the contact, abandoned (no safe-harbour message to play)", callId);
            contact.hangup();
            return;
        }
        LOG.info("call {}: no agent for the contact, abandoned; playing the safe-harbour message", callId);
        playing = media.play(contact.media(), message, false);
        playing.finished().whenComplete(Continuations.logged("SafeHarbour.finished",
                (ok, error) -> executor.execute(contact::hangup)));
    }

    /** Stops the message, if it plays. */
    void stop() {
        if (playing != null) {
            playing.stop();
        }
    }
}
