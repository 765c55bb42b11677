package io.outdial.media.corpus;

import io.outdial.media.detect.PcmFrame;
import io.outdial.media.player.MediaClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Spoken clips made by real text-to-speech rather than by {@link Talker}: espeak-ng says each greeting in several
 * voices and speeds, sox resamples it to 8 kHz mono 16-bit WAV, and the clip gets line noise, a machine beep where
 * the greeting asks for one, and the silence that follows (a person waits; a machine's line stays open). The WAV
 * files are kept under {@code target/speech-clips/} as a corpus anyone can play or feed elsewhere.
 *
 * <p>Needs the Debian packages {@code espeak-ng} and {@code sox} (the README's test command installs them).
 */
public final class SpeechClips {

    static final List<String> HUMAN = List.of("Hello?", "Hello.", "Yes?", "Hi, this is Mark.",
            "Hello, who is this?", "Speaking.", "Good afternoon.", "Yeah, hello?");
    static final List<String> MACHINE = List.of(
            "Hi, you have reached Anna and Tom. We cannot take your call right now. Please leave a message after "
                    + "the tone.",
            "The person you are calling is not available. Please leave your message after the beep.",
            "Hello, this is Dr. Patel's office. Our office is closed. Our hours are nine to five, Monday to Friday.",
            "Hey, it's Sam. Leave a message.");
    static final List<String> VOICES = List.of("en-us", "en-gb", "en-us+f3", "en-gb+m3");

    private SpeechClips() {
    }

    /** Every clip: each human greeting and each machine greeting in each voice (machines alternate beep/no beep). */
    public static List<CorpusItem> generate(Path dir, long seed) throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        List<CorpusItem> items = new ArrayList<>();
        for (String voice : VOICES) {
            for (int i = 0; i < HUMAN.size(); i++) {
                int speed = 140 + random.nextInt(60);
                short[] speech = speak(dir, "human-" + voice + "-" + i, voice, speed, HUMAN.get(i));
                Signal s = Signal.create().silence(200 + random.nextInt(800));
                double end = s.lengthMillis() + speechEndMillis(speech);
                s.append(toDoubles(speech));
                s.silence(3000).noise(-60 + random.nextInt(12), random.nextLong());
                items.add(save(dir, new CorpusItem("human-" + voice + "-" + i, Label.HUMAN,
                        "\"" + HUMAN.get(i) + "\" " + voice + " " + speed + " wpm", s.pcm(), end)));
            }
            for (int i = 0; i < MACHINE.size(); i++) {
                int speed = 150 + random.nextInt(40);
                short[] speech = speak(dir, "machine-" + voice + "-" + i, voice, speed, MACHINE.get(i));
                Signal s = Signal.create().silence(300 + random.nextInt(700));
                double end = s.lengthMillis() + speechEndMillis(speech);
                s.append(toDoubles(speech));
                boolean beep = (i + VOICES.indexOf(voice)) % 2 == 0;
                if (beep) {
                    s.silence(300).tone(500, -14, 1000);
                }
                s.silence(2000).noise(-60 + random.nextInt(12), random.nextLong());
                items.add(save(dir, new CorpusItem("machine-" + voice + "-" + i, Label.MACHINE,
                        (beep ? "with beep, " : "no beep, ") + voice + " " + speed + " wpm", s.pcm(), end)));
            }
        }
        return items;
    }

    static CorpusItem save(Path dir, CorpusItem item) throws IOException {
        AudioFiles.writeWav(dir.resolve(item.id() + ".wav"), item.pcm());
        return item;
    }

    /** espeak-ng at its own rate, then sox to 8 kHz mono 16-bit; returns the samples. */
    static short[] speak(Path dir, String name, String voice, int speed, String text)
            throws IOException, InterruptedException {
        Path raw = dir.resolve("tts").resolve(name + "-22k.wav");
        Path narrow = dir.resolve("tts").resolve(name + "-8k.wav");
        Files.createDirectories(raw.getParent());
        run("espeak-ng", "-v", voice, "-s", Integer.toString(speed), "-w", raw.toString(), text);
        run("sox", raw.toString(), "-r", "8000", "-c", "1", "-b", "16", narrow.toString());
        MediaClip clip = MediaClip.fromWav(narrow);
        short[] pcm = new short[clip.frameCount() * PcmFrame.SAMPLES];
        for (int f = 0; f < clip.frameCount(); f++) {
            System.arraycopy(clip.frame(f).pcm(), 0, pcm, f * PcmFrame.SAMPLES, PcmFrame.SAMPLES);
        }
        return pcm;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " is not installed: apt-get install -y espeak-ng sox (the README's "
                    + "test command does it)", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** Where the speech ends: after the last sample louder than -40 dBFS (espeak-ng pads its output). */
    static double speechEndMillis(short[] speech) {
        int last = speech.length;
        while (last > 0 && Math.abs(speech[last - 1]) < 330) {
            last--;
        }
        return last * 1000.0 / Signal.RATE;
    }

    static double[] toDoubles(short[] pcm) {
        double[] out = new double[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = pcm[i];
        }
        return out;
    }
}
