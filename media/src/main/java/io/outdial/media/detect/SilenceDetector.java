package io.outdial.media.detect;

import java.time.Duration;
import java.util.Optional;

/**
 * Reports when nobody has spoken for {@code timeout}: no frame of speech ({@link VoiceActivity}) for that long, from
 * the first frame or from the last speech. Line noise and comfort noise count as silence.
 */
public final class SilenceDetector implements FrameDetector {

    /** The default time without speech before a call counts as silent. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final VoiceActivity voice;
    private final int timeoutFrames;
    private int silentFrames;
    private long frames;
    private boolean done;

    public SilenceDetector() {
        this(DEFAULT_TIMEOUT, VoiceActivitySettings.DEFAULTS);
    }

    public SilenceDetector(Duration timeout, VoiceActivitySettings voiceSettings) {
        if (timeout.toMillis() < PcmFrame.MILLIS) {
            throw new IllegalArgumentException("silence timeout must be at least 20 ms, got " + timeout);
        }
        this.voice = new VoiceActivity(voiceSettings);
        this.timeoutFrames = (int) (timeout.toMillis() / PcmFrame.MILLIS);
    }

    @Override
    public Optional<Detection> onFrame(short[] frame) {
        PcmFrame.checkFrame(frame);
        if (done) {
            return Optional.empty();
        }
        frames++;
        silentFrames = voice.isSpeech(PcmFrame.energy(frame)) ? 0 : silentFrames + 1;
        if (silentFrames < timeoutFrames) {
            return Optional.empty();
        }
        done = true;
        return Optional.of(new Detection.SilenceDetected(Detection.afterFrames(silentFrames),
                Detection.afterFrames(frames)));
    }

    @Override
    public void reset() {
        voice.reset();
        silentFrames = 0;
        frames = 0;
        done = false;
    }
}
