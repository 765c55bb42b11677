package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.FreePorts;
import io.outdial.sip.testing.Sipp;
import io.outdial.sip.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIP over TLS to a trunk: Kamailio as the trunk's edge takes the gateway's INVITE over TLS and relays it over UDP to
 * a SIPp contact. The certificates are made by the test; the gateway trusts only the trunk's authority and checks
 * that the edge's certificate names the host it dialed.
 */
class TrunkTlsIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String CAMPAIGN = "  - { name: it, description: \"trunk tls\", dialingMode: progressive,"
            + " agents: [agent1], autoLoad: false, autoStart: false }";
    private static final String OVER_TLS = "  transport: tls";

    private static String agent(Sipp phone) {
        return "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }";
    }

    /** The gateway's TLS listening point, its own certificate, and trust in {@code trusted} only. */
    private static String sipTls(TestPki.Issued gateway, Path trusted) {
        return "  tlsPort: " + FreePorts.sip() + "\n"
                + "  tls:\n"
                + "    keyStore: \"" + gateway.pkcs12() + "\"\n"
                + "    keyStorePassword: \"" + TestPki.PASSWORD + "\"\n"
                + "    trustStore: \"" + trusted + "\"";
    }

    // One set of test certificates for the class (keytool is slow to start): the trunk's authority and the edge's
    // certificate it signed for 127.0.0.1, the same authority's certificate for another host, one from an authority
    // we do not trust, and the gateway's own.
    private static TestPki trunkCa;
    private static TestPki.Issued edgeCert;
    private static TestPki.Issued misnamedCert;
    private static TestPki.Issued rogueCert;
    private static TestPki.Issued gatewayCert;

    @BeforeAll
    static void certificates() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "pki-");
        trunkCa = TestPki.authority(dir, "trunk-ca");
        edgeCert = trunkCa.issue("edge", "ip:127.0.0.1");
        misnamedCert = trunkCa.issue("misnamed", "dns:another-trunk.test");
        rogueCert = TestPki.authority(dir, "rogue-ca").issue("rogue", "ip:127.0.0.1");
        gatewayCert = TestPki.authority(dir, "gateway-ca").issue("gateway", "ip:127.0.0.1");
    }

    @Test
    void aCallThroughATrunkOverTlsIsAnswered() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             Kamailio edge = Kamailio.tlsEdge(contact.hostPort(), edgeCert.chainPem(), edgeCert.keyPem());
             GatewayHarness gw = GatewayHarness.startWithSipAndTrunk("127.0.0.1:" + edge.tlsPort(), agent(phone),
                     CAMPAIGN, sipTls(gatewayCert, trunkCa.certificate()), OVER_TLS)) {
            gw.uploadAndStart("it", "contact_info\n2005550131\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, r.callResult(), edge.output());
            assertEquals(1, edge.count("EDGE tls INVITE 2005550131"), edge.output());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact behind the edge took the call and hung up");
            Await.until(LIMIT, "legs released", () -> gw.gateway().userAgent().activeLegs() == 0);
        }
    }

    @Test
    void anEdgeWhoseCertificateNoAuthorityWeTrustSignedIsRefused() throws Exception {
        assertRefused(rogueCert, gatewayCert, trunkCa.certificate(), "2005550132");
    }

    @Test
    void anEdgeWhoseCertificateNamesAnotherHostIsRefused() throws Exception {
        assertRefused(misnamedCert, gatewayCert, trunkCa.certificate(), "2005550133");
    }

    @Test
    void withPeerVerificationOffEvenAnUntrustedEdgeTakesTheCall() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             Kamailio edge = Kamailio.tlsEdge(contact.hostPort(), rogueCert.chainPem(), rogueCert.keyPem());
             GatewayHarness gw = GatewayHarness.startWithSipAndTrunk("127.0.0.1:" + edge.tlsPort(), agent(phone),
                     CAMPAIGN, sipTls(gatewayCert, trunkCa.certificate()) + "\n    verifyPeer: false", OVER_TLS)) {
            gw.uploadAndStart("it", "contact_info\n2005550134\n");

            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("it", LIMIT).get(0).callResult(), edge.output());
            assertEquals(1, edge.count("EDGE tls INVITE 2005550134"), edge.output());
        }
    }

    private static void assertRefused(TestPki.Issued edgeCert, TestPki.Issued gatewayCert, Path trusted,
                                      String number) throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             Kamailio edge = Kamailio.tlsEdge(contact.hostPort(), edgeCert.chainPem(), edgeCert.keyPem());
             GatewayHarness gw = GatewayHarness.startWithSipAndTrunk("127.0.0.1:" + edge.tlsPort(), agent(phone),
                     CAMPAIGN, sipTls(gatewayCert, trusted), OVER_TLS)) {
            gw.uploadAndStart("it", "contact_info\n" + number + "\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertNotEquals(CallResult.ANSWER, r.callResult());
            assertEquals(CallResult.GENERAL_ERROR, r.callResult());
            assertEquals(0, edge.count("EDGE tls INVITE"), "no INVITE crossed the refused connection: "
                    + edge.output());
            Await.until(LIMIT, "legs released", () -> gw.gateway().userAgent().activeLegs() == 0);
        }
    }
}
