package io.outdial.dialer.it;

import io.outdial.media.corpus.AudioFiles;
import io.outdial.media.corpus.Signal;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The browser phone's side of the ITs (issue 17): a headless Chromium whose fake microphone plays a 1 kHz tone made
 * here (a WAV), with the permission prompt answered, loopback WebRTC allowed and autoplay on; the /agent login with
 * "Use this browser as my phone"; and what the page's RTCPeerConnection received. Also the gateway of the one-agent
 * ITs (BrowserPhoneDeskIT, BrowserPhoneHostileIT): ann on a progressive campaign dialing one SIPp contact, the call
 * taken, ended and marked done from the page, and nothing left once the tab goes.
 */
final class BrowserPhonePage {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private BrowserPhonePage() {
    }

    /**
     * A gateway whose progressive campaign {@code campaign} (ann its only agent, AgentDesktopIT.AGENTS) dials
     * {@code number} at {@code contact}, loaded and started; {@code moreYaml} as {@link GatewayHarness#start} takes it.
     */
    static GatewayHarness progressiveGateway(Sipp contact, String campaign, String number, String moreYaml)
            throws IOException, InterruptedException {
        GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AgentDesktopIT.AGENTS,
                "  - { name: " + campaign + ", dialingMode: progressive, agents: [ann], autoLoad: false }", moreYaml);
        try {
            gw.uploadAndStart(campaign, "contact_info\n" + number + "\n");
            return gw;
        } catch (Throwable e) {
            gw.close();
            throw e;
        }
    }

    /** As above with no more configuration. */
    static GatewayHarness progressiveGateway(Sipp contact, String campaign, String number)
            throws IOException, InterruptedException {
        return progressiveGateway(contact, campaign, number, "");
    }

    /** Chromium as the agent's browser phone, its microphone playing {@code microphoneMillis} of tone. */
    static Browser start(String screenshotName, int microphoneMillis) throws IOException {
        Path microphone = AudioFiles.writeWav(ContactAudio.folder("browser-microphone").resolve("mic.wav"),
                Signal.create().tone(microphoneMillis, -12, 1000).pcm());
        return Browser.start(screenshotName, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + microphone, "--allow-loopback-in-peer-connection",
                "--autoplay-policy=no-user-gesture-required");
    }

    /**
     * Opens /agent and logs {@code ann} in with the browser as her phone (ticking the choice unless the page
     * remembered it). Returns once the login is sent; the caller waits for what it expects.
     */
    static void logIn(Browser b, GatewayHarness gw) {
        b.open(gw.baseUrl() + "/agent");
        submitLogin(b);
    }

    /** The login of {@link #logIn} on the page already open (a test may first change the page's script). */
    static void submitLogin(Browser b) {
        b.type("#agent-id", "ann");
        b.type("#secret", "s3cret");
        if (!Boolean.TRUE.equals(b.script("return document.getElementById('use-browser-phone').checked;"))) {
            b.click("#use-browser-phone");
        }
        b.click("#btn-login");
    }

    /** Ready on a connected browser phone: waits until the call it is given shows Connected. */
    static void takeCall(Browser b) {
        b.click("#btn-ready");
        b.awaitText("#call-status", "Connected");
    }

    /** Waits until the page has received more than {@code packets} packets of the contact's audio, at a level above 0. */
    static void awaitContactAudio(Browser b, long packets) {
        b.await(d -> inboundAudio(d).get("packetsReceived").longValue() > packets
                && inboundAudio(d).get("audioLevel").doubleValue() > 0);
    }

    /** End Call from the page; waits until the call shows Ended. */
    static void endCall(Browser b) {
        b.click("#btn-end");
        b.awaitText("#call-status", "Ended");
    }

    /** Mark Done from the page; waits for its Done message. */
    static void markDone(Browser b) {
        b.click("#btn-mark-done");
        b.awaitText("#messages", "Done:");
    }

    /** The tab goes away (about:blank); waits until the gateway has no call, leg or port left. */
    static void closeTabLeavingNothing(Browser b, GatewayHarness gw) {
        b.open("about:blank");
        Await.until(LIMIT, "no call, leg or port left", () -> gw.leftovers().equals(List.of(0, 0, 0)));
    }

    /** A metric of the gateway's scrape, for a condition of {@link Await#until} (which takes no checked exception). */
    static double metric(GatewayHarness gw, String name) {
        try {
            return gw.requiredMetric(name);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The share of the energy the page plays (its phone's audio element, through a Web Audio analyser added on the
     * first call) that lies at {@code hz}, over the last 8192 samples (about 170 ms): as {@link TonePort#share}.
     */
    static double heardShare(Browser b, double hz) {
        Object share = b.script("if (!window.itHeard) {"
                + "  const ctx = new AudioContext();"
                + "  const analyser = ctx.createAnalyser(); analyser.fftSize = 8192;"
                + "  ctx.createMediaStreamSource(document.getElementById('phone-audio').srcObject).connect(analyser);"
                + "  ctx.resume(); window.itHeard = { ctx, analyser, samples: new Float32Array(8192) }; }"
                + "const h = window.itHeard; h.analyser.getFloatTimeDomainData(h.samples);"
                + "const c = 2 * Math.cos(2 * Math.PI * arguments[0] / h.ctx.sampleRate);"
                + "let s1 = 0, s2 = 0, energy = 0;"
                + "for (const x of h.samples) { energy += x * x; const s0 = x + c * s1 - s2; s2 = s1; s1 = s0; }"
                + "return energy === 0 ? 0 : 2 * (s1 * s1 + s2 * s2 - c * s1 * s2) / (h.samples.length * energy);", hz);
        return ((Number) share).doubleValue();
    }

    /** The page's inbound-rtp audio: packetsReceived and audioLevel. */
    @SuppressWarnings("unchecked")
    static Map<String, Number> inboundAudio(WebDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
        return (Map<String, Number>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "window.outdialPhone.pc.getStats().then(stats => { let r = {packetsReceived: 0, audioLevel: 0};"
                + "  stats.forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'audio') {"
                + "    r = {packetsReceived: s.packetsReceived || 0, audioLevel: s.audioLevel || 0}; } });"
                + "  done(r); });");
    }
}
