package io.outdial.dialer.it;

import io.outdial.sip.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real softphone for the integration tests: baresip (Debian's package), started on a free loopback port with its
 * own configuration directory under target/. It registers as one agent with a digest password, answers calls at
 * once, and loops the audio it receives back to the caller (the aubridge module); it dumps what it received and sent
 * to WAV files (sndfile module). Its console output is kept in a log file the tests read.
 */
final class Baresip implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final Path log;
    private final int sipPort;

    private Baresip(Process process, Path dir, Path log, int sipPort) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.sipPort = sipPort;
    }

    /** Starts baresip registering as {@code user} with {@code password} at the gateway's {@code registrar}. */
    static Baresip register(String user, String password, String registrar) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "baresip-" + user + "-");
        int port = FreePorts.sip();
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + port,
                "audio_player aubridge,loop",
                "audio_source aubridge,loop",
                "audio_alert aubridge,alert",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aubridge.so",
                "module sndfile.so",
                "snd_path " + dir.toAbsolutePath(),
                "module_app account.so",
                "module_app contact.so",
                "module_app menu.so",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@" + registrar + ">;auth_pass=" + password
                + ";answermode=auto;regint=60;audio_codecs=PCMU\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("contacts"), "", StandardCharsets.UTF_8);
        Path log = dir.resolve("baresip.log");
        Process p = new ProcessBuilder("baresip", "-f", dir.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Baresip(p, dir, log, port);
    }

    /**
     * Starts baresip as a far end that needs no registration: it answers calls to {@code user} at once on its own
     * port, with SDES-SRTP as {@code mediaenc} says (baresip's srtp module: {@code srtp} best effort, {@code
     * srtp-mand} RTP/SAVP only), looping what it hears back.
     */
    static Baresip answering(String user, String mediaenc) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "baresip-" + user + "-");
        int port = FreePorts.sip();
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + port,
                // a trunk's media is taken from SDP alone: it must advertise loopback, not the host's address
                "net_interface 127.0.0.1",
                "audio_player aubridge,loop",
                "audio_source aubridge,loop",
                "audio_alert aubridge,alert",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aubridge.so",
                "module sndfile.so",
                "module srtp.so",
                "module stdio.so",
                "snd_path " + dir.toAbsolutePath(),
                "module_app account.so",
                "module_app contact.so",
                "module_app menu.so",
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@127.0.0.1:" + port + ">;regint=0"
                + ";answermode=auto;audio_codecs=PCMU" + (mediaenc == null ? "" : ";mediaenc=" + mediaenc) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("contacts"), "", StandardCharsets.UTF_8);
        Path log = dir.resolve("baresip.log");
        Process p = new ProcessBuilder("baresip", "-f", dir.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Baresip(p, dir, log, port);
    }

    /**
     * The loudest sample baresip decoded from the gateway so far (16-bit PCM in its -dec.wav files, past their
     * 44-byte headers): 0 for silence or nothing, as when it could not decrypt what it got.
     */
    int receivedAudioPeak() throws IOException {
        int peak = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.getFileName().toString().endsWith("-dec.wav")).toList()) {
                byte[] wav = Files.readAllBytes(f);
                for (int i = 44; i + 1 < wav.length; i += 2) {
                    int sample = (short) ((wav[i] & 0xFF) | (wav[i + 1] << 8));
                    peak = Math.max(peak, Math.abs(sample));
                }
            }
        }
        return peak;
    }

    /** Hangs up the current call, as its user would (a command on baresip's console). */
    void hangup() throws IOException {
        var console = process.getOutputStream();
        console.write("/hangup\n".getBytes(StandardCharsets.US_ASCII));
        console.flush();
    }

    int sipPort() {
        return sipPort;
    }

    /** What baresip printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until baresip printed a line matching {@code regex}; fails naming it and the output. */
    void awaitOutput(String regex, Duration limit) {
        Pattern p = Pattern.compile(regex);
        Await.until(limit, "baresip printing /" + regex + "/:\n" + tail(), () -> p.matcher(output()).find());
    }

    /** The WAV files sndfile wrote: what baresip decoded from the gateway (-dec) and what it sent (-enc). */
    long receivedAudioBytes() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private String tail() {
        String out = output();
        return out.length() > 3000 ? out.substring(out.length() - 3000) : out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
