package io.outdial.media.webrtc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.media.MediaConfig;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.transport.NettyMediaEngine;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host candidate of a browser leg's answer (issue 17, "works behind NAT"): the configured candidate address
 * (rtp.advertisedAddress: the gateway's public address) when set, else the media bind address; the port is the
 * endpoint's either way.
 */
class BrowserLegsTest {
    private static final String OFFER = BrowserSdpTest.chromeOffer("a=fingerprint:"
            + DtlsIdentity.generate(Duration.ofDays(1)).fingerprint().attributeValue());
    private static final WebRtcTransport.Listener QUIET = new WebRtcTransport.Listener() {
        @Override
        public void secured(InetSocketAddress browser) {
        }

        @Override
        public void failed(WebRtcFailure why, String reason) {
        }

        @Override
        public void closed(String reason) {
        }
    };

    private final int firstPort = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
    private final NettyMediaEngine engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", firstPort,
            firstPort + 4, 1));

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theAnswerAdvertisesTheConfiguredCandidateAddress() throws Exception {
        assertCandidate("198.51.100.7", "198.51.100.7");
    }

    @Test
    void withoutOneTheAnswerAdvertisesTheBindAddress() throws Exception {
        assertCandidate(null, "127.0.0.1");
    }

    private void assertCandidate(String configured, String advertised) throws Exception {
        try (BrowserLegs legs = new BrowserLegs(new WebRtcSettings(configured, SourceNetworks.any(), 10_000, 1, 4))) {
            RtpEndpoint endpoint = engine.openEndpoint().get(5, TimeUnit.SECONDS);
            try {
                String answer = legs.accept(endpoint, OFFER, QUIET).answer();
                String candidate = " " + advertised + " " + endpoint.localAddress().getPort() + " typ host";
                assertTrue(answer.contains(candidate), "no '" + candidate + "' in\n" + answer);
            } finally {
                endpoint.close().get(5, TimeUnit.SECONDS);
            }
        }
    }
}
