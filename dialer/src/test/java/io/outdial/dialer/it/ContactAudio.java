package io.outdial.dialer.it;

import io.outdial.media.corpus.AudioFiles;
import io.outdial.media.corpus.Signal;
import io.outdial.media.corpus.SitTones;
import io.outdial.media.corpus.Talker;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.SplittableRandom;

/**
 * What a SIPp contact says, generated with the media corpus tools and written where the audio scenarios read it:
 * {@code target/contact-audio/<name>/audio/contact.raw} (run SIPp with that folder as its directory).
 */
final class ContactAudio {

    private ContactAudio() {
    }

    /** A SIT of the given class (NC, IC, VC, RO) at -18 dBFS, then the start of an announcement (silence). */
    static Path sit(String code) throws IOException {
        return write("sit-" + code, SitTones.nominalSit(code, -18).silence(2000));
    }

    /** A fax machine's CED answer tone: 2100 Hz for 3 s. */
    static Path faxCed() throws IOException {
        return write("fax", Signal.create().silence(300).tone(3000, -14, 2100));
    }

    /** A person who says "Hello?" after 400 ms and waits. */
    static Path humanHello() throws IOException {
        Talker talker = new Talker(new SplittableRandom(7), 140, 1.0, -20);
        return write("human", Signal.create().silence(400).append(talker.word(2)).silence(200)
                .noise(-60, 3));
    }

    /** An answering machine: a greeting of 3 to 4 s, a pause, a 1 kHz beep of 500 ms, then silence. */
    static Path machineWithBeep() throws IOException {
        Talker talker = new Talker(new SplittableRandom(11), 110, 1.0, -20);
        Signal s = Signal.create().silence(300);
        while (s.lengthMillis() < 3000) {
            talker.phrase(s, 3, 60, 200);
            s.silence(300);
        }
        s.silence(400).tone(500, -12, 1000).silence(300);
        return write("machine-beep", s.noise(-60, 5));
    }

    /** A contact who answers and says nothing (half a second of digital silence, then no RTP at all). */
    static Path silence() throws IOException {
        return write("silence", Signal.create().silence(500));
    }

    /** The folder to run SIPp in for {@code name}'s audio. */
    static Path folder(String name) {
        return Paths.get("target", "contact-audio", name).toAbsolutePath();
    }

    private static Path write(String name, Signal signal) throws IOException {
        Path dir = folder(name);
        AudioFiles.writeRawPcmu(dir.resolve("audio").resolve("contact.raw"), signal.pcm());
        return dir;
    }

    /** A recorded message of about 1.5 s (a voice) as a WAV file, for the machine message treatment. */
    static Path messageWav() throws IOException {
        Talker talker = new Talker(new SplittableRandom(13), 180, 1.0, -18);
        Signal s = Signal.create();
        talker.phrase(s, 3, 60, 150);
        return AudioFiles.writeWav(Paths.get("target", "contact-audio", "message.wav").toAbsolutePath(), s.pcm());
    }
}
