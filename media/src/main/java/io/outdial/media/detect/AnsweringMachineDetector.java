package io.outdial.media.detect;

import java.util.Optional;

/**
 * Tells a person from an answering machine after answer, from the timing of speech and silence, plus beeps.
 *
 * <p>Each frame is speech or silence ({@link VoiceActivity}). Speech lasting {@code minimumWordLength} is a word;
 * {@code betweenWordsSilence} of silence ends it. The greeting runs from the first word to the latest speech. The
 * rules, in the order they are checked on each frame ({@link AmdSettings} has the thresholds):
 * <ol>
 *   <li>a beep: MACHINE ({@link AmdCause#BEEP});</li>
 *   <li>more than {@code maximumWords} words: MACHINE ({@link AmdCause#TOO_MANY_WORDS});</li>
 *   <li>speech while the greeting has lasted {@code maximumGreeting}: MACHINE ({@link AmdCause#LONG_GREETING});</li>
 *   <li>{@code afterGreetingSilence} since the last word: HUMAN ({@link AmdCause#SILENCE_AFTER_GREETING});</li>
 *   <li>no word within {@code initialSilence}: NOT_SURE ({@link AmdCause#INITIAL_SILENCE});</li>
 *   <li>{@code totalAnalysisTime} reached: NOT_SURE ({@link AmdCause#ANALYSIS_TIME_EXCEEDED}).</li>
 * </ol>
 * Speech too short to be a word (a click, a breath) neither starts the greeting nor interrupts the silence after it.
 */
public final class AnsweringMachineDetector implements FrameDetector {

    private final AmdSettings settings;
    private final VoiceActivity voice;
    private final BeepDetector beep;
    private final int initialSilenceFrames;
    private final int maximumGreetingFrames;
    private final int afterGreetingFrames;
    private final int totalFrames;
    private final int wordFrames;
    private final int betweenWordsFrames;

    private long frames;
    private int speechRun;
    private int silenceRun;
    private boolean inWord;
    private int words;
    private long greetingStart;
    private long lastWordSpeech;
    private boolean done;

    public AnsweringMachineDetector() {
        this(AmdSettings.DEFAULTS);
    }

    public AnsweringMachineDetector(AmdSettings settings) {
        this.settings = settings;
        this.voice = new VoiceActivity(settings.voice());
        this.beep = settings.beep() == null ? null : new BeepDetector(settings.beep());
        this.initialSilenceFrames = AmdSettings.frames(settings.initialSilence());
        this.maximumGreetingFrames = AmdSettings.frames(settings.maximumGreeting());
        this.afterGreetingFrames = AmdSettings.frames(settings.afterGreetingSilence());
        this.totalFrames = AmdSettings.frames(settings.totalAnalysisTime());
        this.wordFrames = AmdSettings.frames(settings.minimumWordLength());
        this.betweenWordsFrames = AmdSettings.frames(settings.betweenWordsSilence());
    }

    public AmdSettings settings() {
        return settings;
    }

    @Override
    public Optional<Detection> onFrame(short[] frame) {
        PcmFrame.checkFrame(frame);
        if (done) {
            return Optional.empty();
        }
        frames++;
        if (beep != null && beep.onFrame(frame).isPresent()) {
            return decide(AmdOutcome.MACHINE, AmdCause.BEEP);
        }
        if (voice.isSpeech(PcmFrame.energy(frame))) {
            silenceRun = 0;
            speechRun++;
            if (!inWord && speechRun >= wordFrames) {
                inWord = true;
                words++;
                if (words == 1) {
                    greetingStart = frames - speechRun + 1;
                }
                if (words > settings.maximumWords()) {
                    return decide(AmdOutcome.MACHINE, AmdCause.TOO_MANY_WORDS);
                }
            }
            if (inWord) {
                lastWordSpeech = frames;
                if (frames - greetingStart + 1 >= maximumGreetingFrames) {
                    return decide(AmdOutcome.MACHINE, AmdCause.LONG_GREETING);
                }
            }
        } else {
            silenceRun++;
            if (silenceRun >= betweenWordsFrames) {
                inWord = false;
                speechRun = 0;
            }
        }
        if (words > 0 && frames - lastWordSpeech >= afterGreetingFrames) {
            return decide(AmdOutcome.HUMAN, AmdCause.SILENCE_AFTER_GREETING);
        }
        if (words == 0 && frames >= initialSilenceFrames) {
            return decide(AmdOutcome.NOT_SURE, AmdCause.INITIAL_SILENCE);
        }
        if (frames >= totalFrames) {
            return decide(AmdOutcome.NOT_SURE, AmdCause.ANALYSIS_TIME_EXCEEDED);
        }
        return Optional.empty();
    }

    @Override
    public void reset() {
        voice.reset();
        if (beep != null) {
            beep.reset();
        }
        frames = 0;
        speechRun = 0;
        silenceRun = 0;
        inWord = false;
        words = 0;
        greetingStart = 0;
        lastWordSpeech = 0;
        done = false;
    }

    private Optional<Detection> decide(AmdOutcome outcome, AmdCause cause) {
        done = true;
        long greetingFrames = words == 0 ? 0 : lastWordSpeech - greetingStart + 1;
        return Optional.of(new Detection.AmdDecision(outcome, cause, Detection.afterFrames(greetingFrames), words,
                Detection.afterFrames(frames)));
    }
}
