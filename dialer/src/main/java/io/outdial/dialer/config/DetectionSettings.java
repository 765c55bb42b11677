package io.outdial.dialer.config;

import io.outdial.media.detect.AmdMode;
import io.outdial.media.detect.AmdSettings;
import io.outdial.media.detect.BeepSettings;
import io.outdial.media.detect.VoiceActivitySettings;
import io.outdial.media.player.MediaClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a campaign listens for on the contact's audio ({@code campaigns[].detection}).
 *
 * @param callProgress   special information tones: off, on early media and after the answer (on_dial), or after
 *                       the answer only (on_connect)
 * @param fax            fax and modem answer tones after the answer: drop the call as Fax Detected
 * @param silence        no speech for this long after the answer: drop as Silence; zero for off
 * @param amd            answering machine detection: the agent is connected only once a person is detected
 * @param onMachine      what a machine gets: drop, connect (to an agent), or message (wait for the end of the
 *                       greeting, play {@code machineMessage}, hang up)
 * @param onNotSure      what an undecided answer gets: connect or drop
 * @param machineMessage the recorded message for onMachine: message, decoded once at start-up; null otherwise
 * @param greetingEndSilence silence that ends a machine's greeting when no beep comes (message treatment)
 * @param greetingWaitLimit  the message is played after this long at the latest, beep or not
 * @param amdSettings    the detector's mode (accurate or fast) and thresholds
 */
public record DetectionSettings(CallProgress callProgress, boolean fax, Duration silence, boolean amd,
                                MachineTreatment onMachine, NotSureTreatment onNotSure, MediaClip machineMessage,
                                Duration greetingEndSilence, Duration greetingWaitLimit, AmdSettings amdSettings) {

    /** When special information tones are listened for. */
    public enum CallProgress { OFF, ON_DIAL, ON_CONNECT }

    /** What a call answered by a machine gets. */
    public enum MachineTreatment { DROP, CONNECT, MESSAGE }

    /** What a call the detector could not decide on gets. */
    public enum NotSureTreatment { CONNECT, DROP }

    /** Defaults: tones on dial, fax on, silence 5 s, AMD off. */
    public static final DetectionSettings DEFAULTS = new DetectionSettings(CallProgress.ON_DIAL, true,
            Duration.ofSeconds(5), false, MachineTreatment.DROP, NotSureTreatment.CONNECT, null,
            Duration.ofMillis(1500), Duration.ofSeconds(30), AmdSettings.DEFAULTS);

    /** Whether anything listens to the contact after the answer. */
    public boolean listensAfterAnswer() {
        return callProgress != CallProgress.OFF || fax || !silence.isZero() || amd;
    }

    static DetectionSettings read(YamlSection s, Path baseDir) {
        DetectionSettings d = DEFAULTS;
        CallProgress callProgress = s.oneOf("callProgress", d.callProgress, CallProgress.values());
        boolean fax = s.flag("fax", d.fax);
        Duration silence = s.duration("silence", d.silence, Duration.ZERO, Duration.ofMinutes(1));
        boolean amd = s.flag("amd", d.amd);
        MachineTreatment onMachine = s.oneOf("onMachine", d.onMachine, MachineTreatment.values());
        NotSureTreatment onNotSure = s.oneOf("onNotSure", d.onNotSure, NotSureTreatment.values());
        Path messageFile = s.file("machineMessage", baseDir);
        Duration greetingEnd = s.duration("greetingEndSilence", d.greetingEndSilence, Duration.ofMillis(200),
                Duration.ofSeconds(10));
        Duration greetingWait = s.duration("greetingWaitLimit", d.greetingWaitLimit, Duration.ofSeconds(1),
                Duration.ofMinutes(2));
        AmdSettings amdSettings = readAmd(s.section("amdSettings"));
        s.refuseUnknownKeys();
        MediaClip message = null;
        if (onMachine == MachineTreatment.MESSAGE) {
            if (messageFile == null) {
                throw new ConfigException(s.keyPath("machineMessage") + ": is required when onMachine is message (a WAV "
                        + "file)");
            }
            message = loadClip(s, "machineMessage", messageFile);
        } else if (messageFile != null) {
            throw s.fail("machineMessage", "is used only with onMachine: message", messageFile.toString());
        }
        return new DetectionSettings(callProgress, fax, silence, amd, onMachine, onNotSure, message, greetingEnd,
                greetingWait, amdSettings);
    }

    /** Decodes a WAV file (8 or 16 kHz PCM, or G.711) once, or stops start-up naming the key and the problem. */
    static MediaClip loadClip(YamlSection s, String key, Path file) {
        if (!Files.isRegularFile(file)) {
            throw s.fail(key, "must name an existing WAV file (relative paths start at the configuration file's "
                    + "folder)", file.toString());
        }
        try {
            return MediaClip.fromWav(file);
        } catch (IOException | RuntimeException e) {
            throw s.fail(key, "must be a WAV file of 8 or 16 kHz PCM or G.711 (" + e.getMessage() + ")",
                    file.toString());
        }
    }

    /** The mode picks the defaults ({@link AmdSettings#defaults}); every threshold may still be set on its own. */
    private static AmdSettings readAmd(YamlSection s) {
        AmdMode mode = s.oneOf("mode", AmdMode.ACCURATE, AmdMode.values());
        AmdSettings d = AmdSettings.defaults(mode);
        Duration max = Duration.ofSeconds(30);
        Duration min = Duration.ofMillis(20);
        Duration initialSilence = s.duration("initialSilence", d.initialSilence(), min, max);
        Duration maximumGreeting = s.duration("maximumGreeting", d.maximumGreeting(), min, max);
        Duration afterGreetingSilence = s.duration("afterGreetingSilence", d.afterGreetingSilence(), min, max);
        Duration totalAnalysisTime = s.duration("totalAnalysisTime", d.totalAnalysisTime(), min, max);
        Duration minimumWordLength = s.duration("minimumWordLength", d.minimumWordLength(), min, max);
        Duration betweenWordsSilence = s.duration("betweenWordsSilence", d.betweenWordsSilence(), min, max);
        int maximumWords = s.integer("maximumWords", d.maximumWords(), 1, 100);
        Duration shortGreeting = s.duration("shortGreeting", d.shortGreeting(), min, max);
        double questionRise = s.decimal("questionRise", d.questionRise(), 1, 2);
        Duration beepWindow = s.duration("beepWindow", d.beepWindow(), Duration.ZERO, Duration.ofSeconds(3));
        double speechLevel = s.decimal("speechLevelDbfs", d.voice().minimumSpeechDbfs(), -90, 0);
        double aboveNoise = s.decimal("speechAboveNoiseDb", d.voice().aboveNoiseDb(), 0, 60);
        boolean beep = s.flag("beep", d.beep() != null);
        s.refuseUnknownKeys();
        VoiceActivitySettings voice = new VoiceActivitySettings(speechLevel, aboveNoise, d.voice().noiseWindow());
        return new AmdSettings(mode, initialSilence, maximumGreeting, afterGreetingSilence, totalAnalysisTime,
                minimumWordLength, betweenWordsSilence, maximumWords, shortGreeting, questionRise, beepWindow, voice,
                beep ? BeepSettings.DEFAULTS : null);
    }
}
