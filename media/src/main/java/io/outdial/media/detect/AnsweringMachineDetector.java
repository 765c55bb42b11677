package io.outdial.media.detect;

import java.util.Optional;

/**
 * Tells a person from an answering machine after answer by waiting for evidence: how a greeting ends, a beep, or a
 * greeting longer than any person's.
 *
 * <p>Each frame is speech or silence ({@link VoiceActivity}). Speech lasting {@code minimumWordLength} is a word;
 * {@code betweenWordsSilence} of silence ends it. The greeting runs from the first word to the latest speech. While
 * the greeting lasts, the pitch of each frame of speech feeds a {@link PitchContour}, which tells whether the voice
 * rose at the end. The rules, in the order they are checked on each frame ({@link AmdSettings} has the thresholds
 * and why):
 * <ol>
 *   <li>a beep: MACHINE ({@link AmdCause#BEEP});</li>
 *   <li>more than {@code maximumWords} words: MACHINE ({@link AmdCause#TOO_MANY_WORDS});</li>
 *   <li>speech while the greeting has lasted {@code maximumGreeting}, the cap: MACHINE
 *       ({@link AmdCause#LONG_GREETING});</li>
 *   <li>silence of {@code afterGreetingSilence} since the last word ends the greeting:
 *     <ul>
 *       <li>a greeting longer than {@code shortGreeting} that did not rise at the end by {@code questionRise} (a
 *           statement: "... after the tone."): MACHINE at once ({@link AmdCause#STATEMENT_GREETING});</li>
 *       <li>every other greeting is a person's unless a beep follows: the human verdict waits until
 *           {@code beepWindow} plus four frames have passed since the last word. A beep that starts inside the
 *           window is speech to the voice activity test, breaks the silence and then decides MACHINE, so the human
 *           verdict is taken back before it is given; without one, HUMAN: {@link AmdCause#QUESTION_AFTER_GREETING}
 *           for a longer greeting whose voice rose at the end (a question: "how can I help?"),
 *           {@link AmdCause#SILENCE_AFTER_GREETING} for a short one, whose intonation is not consulted (a word or
 *           two gives too short a contour to trust).</li>
 *     </ul></li>
 *   <li>no word within {@code initialSilence}: NOT_SURE ({@link AmdCause#INITIAL_SILENCE});</li>
 *   <li>{@code totalAnalysisTime} reached: NOT_SURE ({@link AmdCause#ANALYSIS_TIME_EXCEEDED}).</li>
 * </ol>
 * Speech too short to be a word (a click, a breath) neither starts the greeting nor interrupts the silence after it;
 * it only holds a verdict back while it lasts, since it may be the start of a word or of a beep. The ending is judged
 * once, when the silence first ends the greeting, so such a sound during the beep window does not change it either.
 * With {@code shortGreeting} at or above {@code maximumGreeting} (the fast mode) the intonation is never consulted
 * and no pitch is computed. Per frame: one energy sum, the beep fit and, during a greeting, about 4,000 integer
 * multiply-adds for the pitch; nothing allocated.
 */
public final class AnsweringMachineDetector implements FrameDetector {

    /** Frames after {@code beepWindow} for a beep's start to be heard (its first frame may be partial). */
    private static final int BEEP_ONSET_FRAMES = 4;

    private final AmdSettings settings;
    private final VoiceActivity voice;
    private final BeepDetector beep;
    private final PitchTracker pitch;
    private final PitchContour contour;
    private final int initialSilenceFrames;
    private final int maximumGreetingFrames;
    private final int afterGreetingFrames;
    private final int beepWaitFrames;
    private final int totalFrames;
    private final int wordFrames;
    private final int betweenWordsFrames;
    private final int shortGreetingFrames;

    private long frames;
    private int speechRun;
    private int silenceRun;
    private boolean inWord;
    private int words;
    private long greetingStart;
    private long lastWordSpeech;
    /** How the greeting that ended was judged, while its human verdict waits out the beep window; null before. */
    private AmdCause ending;
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
        int beepWindowFrames = settings.beepWindow().isZero() ? 0
                : AmdSettings.frames(settings.beepWindow()) + BEEP_ONSET_FRAMES;
        this.afterGreetingFrames = AmdSettings.frames(settings.afterGreetingSilence());
        this.beepWaitFrames = Math.max(afterGreetingFrames, beepWindowFrames);
        this.totalFrames = AmdSettings.frames(settings.totalAnalysisTime());
        this.wordFrames = AmdSettings.frames(settings.minimumWordLength());
        this.betweenWordsFrames = AmdSettings.frames(settings.betweenWordsSilence());
        this.shortGreetingFrames = AmdSettings.frames(settings.shortGreeting());
        boolean intonation = shortGreetingFrames < maximumGreetingFrames;
        this.pitch = intonation ? new PitchTracker() : null;
        this.contour = intonation ? new PitchContour() : null;
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
        boolean speech = voice.isSpeech(PcmFrame.energy(frame));
        if (pitch != null) {
            // every frame enters the tracker's window, so it stays contiguous; only speech is tracked
            pitch.push(frame);
            if (speech) {
                contour.add(pitch.pitch());
            }
        }
        if (speech) {
            silenceRun = 0;
            speechRun++;
            if (!inWord && speechRun >= wordFrames) {
                inWord = true;
                words++;
                // the greeting goes on: its ending is judged again when it ends
                ending = null;
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
        // only on a silent frame: sound that may yet become a word (a beep starting) holds the verdict back
        if (words > 0 && !speech && frames - lastWordSpeech >= afterGreetingFrames) {
            Optional<Detection> verdict = afterGreeting(frames - lastWordSpeech);
            if (verdict.isPresent()) {
                return verdict;
            }
        }
        if (words == 0 && frames >= initialSilenceFrames) {
            return decide(AmdOutcome.NOT_SURE, AmdCause.INITIAL_SILENCE);
        }
        if (frames >= totalFrames) {
            return decide(AmdOutcome.NOT_SURE, AmdCause.ANALYSIS_TIME_EXCEEDED);
        }
        return Optional.empty();
    }

    /**
     * The greeting ended and {@code quiet} frames of silence followed: a long one that ended on a statement is a
     * machine at once; any other is a person once the beep window has passed (empty while it has not: a voicemail
     * greeting may end on a rising voice too, and its beep then decides). The intonation of a greeting of a word or
     * two is not trusted: on the corpora it read as rising for some short voicemail greetings.
     */
    private Optional<Detection> afterGreeting(long quiet) {
        if (ending == null) {
            // judged once, when the silence first ends the greeting: a sound too short to be a word during the wait
            // (a breath, a click) neither ends the wait nor changes the verdict
            long greeting = lastWordSpeech - greetingStart + 1;
            ending = AmdCause.SILENCE_AFTER_GREETING;
            if (contour != null && greeting > shortGreetingFrames) {
                if (contour.endRise() < settings.questionRise()) {
                    return decide(AmdOutcome.MACHINE, AmdCause.STATEMENT_GREETING);
                }
                ending = AmdCause.QUESTION_AFTER_GREETING;
            }
        }
        // every human verdict waits out the beep window: a beep inside it decides machine instead
        if (quiet >= beepWaitFrames) {
            return decide(AmdOutcome.HUMAN, ending);
        }
        return Optional.empty();
    }

    @Override
    public void reset() {
        voice.reset();
        if (beep != null) {
            beep.reset();
        }
        if (pitch != null) {
            pitch.reset();
            contour.reset();
        }
        frames = 0;
        speechRun = 0;
        silenceRun = 0;
        inWord = false;
        words = 0;
        greetingStart = 0;
        lastWordSpeech = 0;
        ending = null;
        done = false;
    }

    private Optional<Detection> decide(AmdOutcome outcome, AmdCause cause) {
        done = true;
        long greetingFrames = words == 0 ? 0 : lastWordSpeech - greetingStart + 1;
        return Optional.of(new Detection.AmdDecision(outcome, cause, Detection.afterFrames(greetingFrames), words,
                Detection.afterFrames(frames)));
    }
}
