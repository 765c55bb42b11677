package io.outdial.media.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.outdial.media.MediaConfig;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.player.MediaClip;
import io.outdial.media.transport.NettyMediaEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, ADR 0009) with a fake microphone playing a tone made here, against the
 * gateway's media engine on loopback: the browser's RTCPeerConnection offers, {@link BrowserLegs} answers on a real
 * endpoint, ICE-lite and DTLS-SRTP run for real, and audio flows both ways (SRTP packets decrypted at the gateway,
 * inbound-rtp packets and audio level in the browser's getStats). A wrong fingerprint fails the handshake, and a
 * stranger's STUN check gets no answer and does not move the media.
 */
class BrowserPhoneIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private final int firstPort = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
    private NettyMediaEngine engine;
    private BrowserLegs legs;
    private HttpServer page;
    private ChromeDriver chrome;
    private ChromeDriverService driverService;

    @BeforeEach
    void start() throws IOException {
        engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", firstPort, firstPort + 20, 1));
        legs = new BrowserLegs(new WebRtcSettings(null, SourceNetworks.parse("127.0.0.0/8"), 10_000, 2, 8));
        page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        page.createContext("/", exchange -> {
            byte[] body = "<!doctype html><title>phone</title><audio id=far autoplay></audio>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        page.start();
        Path wav = temp.resolve("microphone.wav");
        Files.write(wav, toneWav(48_000, 440, 10));
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(Path.of("target", "chromedriver-webrtc.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--disable-gpu", "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--use-file-for-fake-audio-capture=" + wav,
                "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required");
        chrome = new ChromeDriver(driverService, options);
        chrome.manage().timeouts().scriptTimeout(WAIT);
        chrome.get("http://127.0.0.1:" + page.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        if (chrome != null) {
            chrome.quit();
        }
        if (page != null) {
            page.stop(0);
        }
        if (legs != null) {
            legs.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** A mono 16-bit PCM WAV of a sine, {@code seconds} long. */
    static byte[] toneWav(int rate, double hz, int seconds) {
        int samples = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(rate).putInt(2 * rate).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        return b.array();
    }

    private JavascriptExecutor js() {
        return chrome;
    }

    /** The page makes its peer connection with the microphone and returns its offer's SDP. */
    private String browserOffer() {
        return (String) js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "(async () => {"
                + "  const stream = await navigator.mediaDevices.getUserMedia({audio: true});"
                + "  const pc = new RTCPeerConnection({bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require'});"
                + "  window.pc = pc;"
                + "  stream.getTracks().forEach(t => pc.addTrack(t, stream));"
                + "  pc.ontrack = e => { document.getElementById('far').srcObject = e.streams[0]"
                + "      || new MediaStream([e.track]); };"
                + "  const offer = await pc.createOffer();"
                + "  await pc.setLocalDescription(offer);"
                + "  done(pc.localDescription.sdp);"
                + "})().catch(e => done('ERROR ' + e));");
    }

    private void browserTakes(String answer) {
        Object result = js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "window.pc.setRemoteDescription({type: 'answer', sdp: arguments[0]})"
                + "  .then(() => done('ok'), e => done('ERROR ' + e));", answer);
        assertEquals("ok", result);
    }

    private String connectionState() {
        return (String) js().executeScript("return window.pc.connectionState;");
    }

    /** inbound-rtp packetsReceived and audioLevel of the browser's audio receiver. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> inboundAudio() {
        return (Map<String, Object>) js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "window.pc.getStats().then(stats => { let r = {packetsReceived: 0, audioLevel: 0};"
                + "  stats.forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'audio') {"
                + "    r = {packetsReceived: s.packetsReceived || 0, audioLevel: s.audioLevel || 0}; } });"
                + "  done(r); });");
    }

    private <T> T await(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(chrome, WAIT).until(condition::apply);
    }

    private static final class Events implements WebRtcTransport.Listener {
        final CompletableFuture<InetSocketAddress> secured = new CompletableFuture<>();
        final CompletableFuture<String> failed = new CompletableFuture<>();

        @Override
        public void secured(InetSocketAddress browser) {
            secured.complete(browser);
        }

        @Override
        public void failed(WebRtcFailure why, String reason) {
            failed.complete(why.label() + ": " + reason);
        }

        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public void closed(String reason) {
            closed.complete(reason);
        }
    }

    @Test
    void audioFlowsBothWaysOverDtlsSrtpWithTheBrowser() throws Exception {
        String offer = browserOffer();
        assertTrue(offer.startsWith("v=0"), offer);
        RtpEndpoint endpoint = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        Events events = new Events();
        BrowserLegs.Accepted accepted = legs.accept(endpoint, offer, events);
        browserTakes(accepted.answer());

        InetSocketAddress browser = events.secured.get(20, TimeUnit.SECONDS);
        assertTrue(browser.getAddress().isLoopbackAddress(), browser.toString());
        assertEquals(1, legs.connected());
        await(d -> "connected".equals(connectionState()));
        // the gateway plays a tone to the browser, as a contact's audio would come
        short[] tone = new short[8000 * 5];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        }
        io.outdial.media.Playback playing = engine.play(endpoint, MediaClip.fromPcm("tone", tone), true);

        // the browser's microphone reaches the gateway: SRTP packets authenticated and decrypted there
        await(d -> endpoint.stats().packetsReceived() >= 50);
        // and the gateway's audio reaches the page: inbound-rtp grows and is heard above silence
        long before = ((Number) await(d -> {
            Map<String, Object> in = inboundAudio();
            return ((Number) in.get("packetsReceived")).longValue() >= 25 ? in.get("packetsReceived") : null;
        })).longValue();
        await(d -> ((Number) inboundAudio().get("packetsReceived")).longValue() >= before + 25);
        await(d -> ((Number) inboundAudio().get("audioLevel")).doubleValue() > 0.01);

        // a stranger with our ufrag but not the password: refused unanswered, and the media stays with the browser
        long receivedBefore = endpoint.stats().packetsReceived();
        IceLiteResponder ice = accepted.transport().ice();
        try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] check = TestStun.request(ice.local().ufrag() + ":" + ice.remote().ufrag(),
                    "guessedpassword0123456789").nominate().build();
            stranger.send(new DatagramPacket(check, check.length, endpoint.localAddress()));
            // the endpoint's socket is connected to the browser once media latched, so the kernel already drops
            // other sources; whatever the path, 25 more packets from the browser later no answer may be pending
            await(d -> endpoint.stats().packetsReceived() >= receivedBefore + 25);
            stranger.setSoTimeout(1);
            DatagramPacket reply = new DatagramPacket(new byte[600], 600);
            boolean answered;
            try {
                stranger.receive(reply);
                answered = true;
            } catch (SocketTimeoutException e) {
                answered = false;
            }
            assertTrue(!answered, "a check with the wrong password was answered");
        }
        assertEquals(browser, accepted.transport().ice().selected());
        assertEquals(browser, endpoint.peer().remote());
        assertTrue(accepted.transport().dropped() >= 1);

        // the page hangs up: its close_notify ends the leg at the gateway (a lost tab ends it by consent lapse,
        // WebRtcTransportTest)
        playing.stop();
        js().executeScript("window.pc.close();");
        String reason = events.closed.get(20, TimeUnit.SECONDS);
        assertTrue(reason.contains("closed DTLS"), reason);
        assertEquals(0, legs.connected());
        endpoint.close().get(5, TimeUnit.SECONDS);
        assertEquals(0, engine.openEndpoints());
    }

    @Test
    void aFingerprintThatIsNotTheBrowsersFailsTheHandshake() throws Exception {
        String offer = browserOffer();
        // the offer as a man in the middle would pass it on: someone else's fingerprint
        DtlsFingerprint other = DtlsIdentity.generate(Duration.ofDays(1)).fingerprint();
        String tampered = offer.replaceAll("a=fingerprint:[^\\r\\n]+", "a=fingerprint:" + other.attributeValue());
        RtpEndpoint endpoint = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        Events events = new Events();
        BrowserLegs.Accepted accepted = legs.accept(endpoint, tampered, events);
        browserTakes(accepted.answer());
        String reason = events.failed.get(30, TimeUnit.SECONDS);
        assertTrue(reason.contains("does not match the SDP a=fingerprint"), reason);
        assertTrue(reason.startsWith("dtls_refused: "), reason);
        assertEquals(1, legs.failures());
        assertEquals(1, legs.failures(WebRtcFailure.DTLS_REFUSED));
        assertEquals(0, legs.connected());
        // the failure is reported from the endpoint's event loop once the phase is set there
        assertEquals(WebRtcTransport.Phase.FAILED, accepted.transport().phase());
        assertNull(endpoint.peer(), "no keys, no media peer");
        assertEquals(0, endpoint.stats().packetsReceived());
        endpoint.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void anOfferWithoutFingerprintIsRefusedBeforeAnyPortIsGuarded() throws Exception {
        String offer = browserOffer().replaceAll("a=fingerprint:[^\\r\\n]+\\r?\\n", "");
        RtpEndpoint endpoint = engine.openEndpoint().get(5, TimeUnit.SECONDS);
        BrowserSdpException refused = org.junit.jupiter.api.Assertions.assertThrows(BrowserSdpException.class,
                () -> legs.accept(endpoint, offer, new Events()));
        assertTrue(refused.getMessage().contains("no a=fingerprint"), refused.getMessage());
        endpoint.close().get(5, TimeUnit.SECONDS);
        assertEquals(0, engine.openEndpoints());
    }
}
