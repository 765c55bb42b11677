package io.outdial.media.webrtc;

import io.outdial.media.Codec;
import io.outdial.media.MediaConfig;
import io.outdial.media.Playback;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.player.MediaClip;
import io.outdial.media.transport.NettyMediaEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * CPU of the media event loop for one leg carrying audio both ways for {@code seconds}: a browser leg (headless
 * Chromium, SRTP both ways, STUN consent) next to a plain RTP leg (a JDK socket sending 50 packets/s), the gateway
 * playing a tone to each. Prints milliseconds of CPU per second of call for both; see docs/benchmarks.md.
 * Arguments: seconds (default 20).
 */
public final class WebRtcCpuProbe {
    private WebRtcCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        if (seconds < 5 || seconds > 120) {
            throw new IllegalArgumentException("seconds must be 5..120");
        }
        NettyMediaEngine engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", 31000, 31020, 1));
        short[] tone = new short[8000 * 5];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        }
        MediaClip clip = MediaClip.fromPcm("tone", tone);
        try (BrowserLegs legs = new BrowserLegs(new WebRtcSettings(null, SourceNetworks.parse("127.0.0.0/8"),
                10_000, 1, 4))) {
            double plain = plainLeg(engine, clip, seconds);
            double webrtc = browserLeg(engine, legs, clip, seconds);
            System.out.printf("plain RTP leg: %.2f ms CPU per second of call%n", plain);
            System.out.printf("WebRTC leg (SRTP both ways): %.2f ms CPU per second of call%n", webrtc);
        } finally {
            engine.close();
        }
    }

    /** Milliseconds of CPU per second spent by the outdial-rtp threads while {@code running} runs. */
    private static double rtpCpu(int seconds) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = rtpThreadsCpu(threads);
        Thread.sleep(seconds * 1000L); // a fixed measuring window, not a wait for a condition
        return (rtpThreadsCpu(threads) - before) / 1e6 / seconds;
    }

    private static long rtpThreadsCpu(ThreadMXBean threads) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("outdial-rtp")) {
                total += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return total;
    }

    private static double plainLeg(NettyMediaEngine engine, MediaClip clip, int seconds) throws Exception {
        RtpEndpoint endpoint = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            endpoint.connect(new RtpPeer((InetSocketAddress) phone.getLocalSocketAddress(), Codec.PCMU, 0, -1));
            Thread sender = new Thread(() -> {
                byte[] packet = new byte[172];
                packet[0] = (byte) 0x80;
                long next = System.nanoTime();
                for (int seq = 0; seq < seconds * 50 + 100 && !Thread.currentThread().isInterrupted(); seq++) {
                    packet[2] = (byte) (seq >>> 8);
                    packet[3] = (byte) seq;
                    try {
                        phone.send(new DatagramPacket(packet, packet.length, endpoint.localAddress()));
                        next += 20_000_000L;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sender.start();
            Playback playing = engine.play(endpoint, clip, true);
            Thread.sleep(1000); // warm-up
            double cpu = rtpCpu(seconds);
            playing.stop();
            sender.interrupt();
            sender.join();
            System.out.printf("plain: %d packets received%n", endpoint.stats().packetsReceived());
            return cpu;
        } finally {
            endpoint.close().get(5, TimeUnit.SECONDS);
        }
    }

    private static double browserLeg(NettyMediaEngine engine, BrowserLegs legs, MediaClip clip, int seconds)
            throws Exception {
        Path wav = Files.createTempFile("probe-microphone", ".wav");
        Files.write(wav, BrowserPhoneIT.toneWav(48_000, 440, seconds + 10));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + wav, "--allow-loopback-in-peer-connection");
        ChromeDriver chrome = new ChromeDriver(service, options);
        RtpEndpoint endpoint = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        // getUserMedia needs a secure context: a page from loopback is one, about:blank is not
        com.sun.net.httpserver.HttpServer page = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 2);
        page.createContext("/", exchange -> {
            byte[] body = "<!doctype html><title>probe</title>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        page.start();
        try {
            chrome.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
            chrome.get("http://127.0.0.1:" + page.getAddress().getPort() + "/");
            JavascriptExecutor js = chrome;
            String offer = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "(async () => { const s = await navigator.mediaDevices.getUserMedia({audio: true});"
                    + " const pc = new RTCPeerConnection(); window.pc = pc;"
                    + " s.getTracks().forEach(t => pc.addTrack(t, s));"
                    + " await pc.setLocalDescription(await pc.createOffer()); done(pc.localDescription.sdp);"
                    + "})().catch(e => done('ERROR ' + e));");
            CompletableFuture<InetSocketAddress> secured = new CompletableFuture<>();
            BrowserLegs.Accepted accepted = legs.accept(endpoint, offer, new WebRtcTransport.Listener() {
                @Override
                public void secured(InetSocketAddress browser) {
                    secured.complete(browser);
                }

                @Override
                public void failed(WebRtcFailure why, String reason) {
                    secured.completeExceptionally(new IllegalStateException(reason));
                }

                @Override
                public void closed(String reason) {
                }
            });
            js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "window.pc.setRemoteDescription({type: 'answer', sdp: arguments[0]}).then(() => done('ok'));",
                    accepted.answer());
            secured.get(20, TimeUnit.SECONDS);
            Playback playing = engine.play(endpoint, clip, true);
            Thread.sleep(1000); // warm-up
            double cpu = rtpCpu(seconds);
            playing.stop();
            System.out.printf("webrtc: %d packets received%n", endpoint.stats().packetsReceived());
            return cpu;
        } finally {
            page.stop(0);
            chrome.quit();
            endpoint.close().get(5, TimeUnit.SECONDS);
            Files.deleteIfExists(wav);
        }
    }
}
