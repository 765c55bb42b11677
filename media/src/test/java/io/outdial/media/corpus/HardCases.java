package io.outdial.media.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cases timing-only AMD gets wrong (issue 16), spoken by espeak-ng in several voices and rates, with line noise:
 * <ul>
 *   <li>live people with a business greeting of 3-6 s (company, name, an offer of help), fast and slow;</li>
 *   <li>voicemail with a short greeting of 1-2 s, then a beep 0.2-0.8 s after the last word;</li>
 *   <li>people who say "Hello?", wait, and say it again.</li>
 * </ul>
 * The phrases here are the project's own; a held-out corpus with other phrases is kept elsewhere. WAV files go to
 * {@code dir} as for {@link SpeechClips}. {@code greetingEndMillis} is the end of the last word before the silence
 * the person waits in: for "Hello? ... Hello?" with a wait of a second or more, the first "Hello?" is a complete
 * greeting, and that is where the clock starts.
 */
public final class HardCases {

    static final List<String> BUSINESS = List.of(
            "Good afternoon, Harbour Freight Solutions, this is Priya speaking, how can I help you?",
            "Good morning, Lindqvist and Partners, Martin speaking, what can I do for you?",
            "Thank you for calling Bluebell Dental, you are speaking with Grace, how may I help?",
            "Hello, Castleford Engineering, accounts department, Dave here, how can I help?",
            "Morning, Redwood Insurance Brokers, Olivia speaking, who is calling please?",
            "Good afternoon, Meridian Hotel front desk, Tom speaking, how can I help?");
    static final List<String> SHORT_VOICEMAIL = List.of("Leave a message.", "Hi, it's Jo. Leave a message.",
            "Not here, message please.", "You've reached Ben, speak after the tone.", "Sorry I missed you.",
            "Kim's phone. Go ahead.");
    static final List<String> HELLO = List.of("Hello?", "Hallo?", "Yes, hello?");
    static final List<String> VOICES = List.of("en-us", "en-gb", "en-us+f3", "en-gb+m3", "en-gb-scotland",
            "en-029+f2");

    private HardCases() {
    }

    /** 24 business greetings, 24 short voicemails with a beep, 12 double hellos (each fourth of a voice's turn). */
    public static List<CorpusItem> generate(Path dir, long seed) throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        List<CorpusItem> items = new ArrayList<>();
        for (int n = 0; n < 24; n++) {
            String voice = VOICES.get(n % VOICES.size());
            String text = BUSINESS.get(n % BUSINESS.size());
            // alternately fast and slow: 175-200 and 115-140 words a minute
            int speed = n % 2 == 0 ? 175 + random.nextInt(26) : 115 + random.nextInt(26);
            short[] speech = SpeechClips.speak(dir, "business-" + n, voice, speed, text);
            Signal s = Signal.create().silence(200 + random.nextInt(600));
            double end = s.lengthMillis() + SpeechClips.speechEndMillis(speech);
            s.append(SpeechClips.toDoubles(speech));
            s.silence(3000).noise(-62 + random.nextInt(14), random.nextLong());
            items.add(SpeechClips.save(dir, new CorpusItem("business-" + n, Label.HUMAN,
                    "\"" + text + "\" " + voice + " " + speed + " wpm, " + Math.round(end / 100) / 10.0 + " s",
                    s.pcm(), end)));
        }
        for (int n = 0; n < 24; n++) {
            String voice = VOICES.get((n + 1) % VOICES.size());
            String text = SHORT_VOICEMAIL.get(n % SHORT_VOICEMAIL.size());
            int speed = 150 + random.nextInt(50);
            short[] speech = SpeechClips.speak(dir, "shortvm-" + n, voice, speed, text);
            Signal s = Signal.create().silence(300 + random.nextInt(500));
            double end = s.lengthMillis() + SpeechClips.speechEndMillis(speech);
            s.append(SpeechClips.toDoubles(speech));
            // the beep starts 0.2-0.8 s after the last word
            double gap = 200 + random.nextDouble() * 600;
            s.silence(Math.max(0, end + gap - s.lengthMillis()));
            double hz = 400 + random.nextInt(1200);
            int beepMs = 250 + random.nextInt(750);
            s.tone(beepMs, -20 + random.nextInt(10), hz).silence(2000)
                    .noise(-62 + random.nextInt(14), random.nextLong());
            items.add(SpeechClips.save(dir, new CorpusItem("shortvm-" + n, Label.MACHINE,
                    "\"" + text + "\" " + voice + " " + speed + " wpm, beep " + (int) hz + " Hz " + beepMs
                            + " ms at +" + (int) gap + " ms", s.pcm(), end)));
        }
        for (int n = 0; n < 12; n++) {
            String voice = VOICES.get((n + 2) % VOICES.size());
            String text = HELLO.get(n % HELLO.size());
            int speed = 130 + random.nextInt(60);
            short[] first = SpeechClips.speak(dir, "hello-" + n + "a", voice, speed, text);
            short[] second = SpeechClips.speak(dir, "hello-" + n + "b", voice, speed + 10, text);
            Signal s = Signal.create().silence(200 + random.nextInt(600));
            double firstEnd = s.lengthMillis() + SpeechClips.speechEndMillis(first);
            s.append(SpeechClips.toDoubles(first));
            // half wait briefly (one greeting of two hellos), half wait 1-2 s (the first hello stands alone)
            double wait = n % 2 == 0 ? 300 + random.nextDouble() * 400 : 1000 + random.nextDouble() * 1000;
            s.silence(Math.max(0, firstEnd + wait - s.lengthMillis()));
            double secondEnd = s.lengthMillis() + SpeechClips.speechEndMillis(second);
            s.append(SpeechClips.toDoubles(second));
            s.silence(3000).noise(-62 + random.nextInt(14), random.nextLong());
            double end = wait >= 1000 ? firstEnd : secondEnd;
            items.add(SpeechClips.save(dir, new CorpusItem("hello-twice-" + n, Label.HUMAN,
                    "\"" + text + "\" twice, wait " + (int) wait + " ms, " + voice + " " + speed + " wpm", s.pcm(),
                    end)));
        }
        return items;
    }
}
