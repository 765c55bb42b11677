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
