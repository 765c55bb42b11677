package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A trunk that authenticates us: Kamailio as its edge asks every INVITE for proxy digest credentials (407) before
 * relaying it to the SIPp contacts behind it. The gateway answers with the trunk's configured credentials.
 */
class TrunkAuthIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String PASSWORD = "trunk-pass-1";
    private static final String CAMPAIGN = "  - { name: it, description: \"trunk auth\", dialingMode: progressive,"
            + " agents: [agent1], autoLoad: false, autoStart: false }";

    private static String credentials(String password) {
        return "  username: outdial\n  password: \"" + password + "\"\n  realm: trunk.test";
    }

    private static String agent(Sipp phone) {
        return "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }";
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA-256"})
    void aChallengedInviteIsAnsweredWithTheTrunksCredentialsAndTheCallGoesThrough(String algorithm)
            throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             Kamailio edge = Kamailio.trunkEdge(contact.hostPort(), PASSWORD, algorithm);
             GatewayHarness gw = GatewayHarness.startWithTrunk(edge.hostPort(), agent(phone), CAMPAIGN,
                     credentials(PASSWORD))) {
            gw.uploadAndStart("it", "contact_info\n2005550121\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, r.callResult(), edge.output());
            assertEquals(1, edge.count("EDGE challenge INVITE 2005550121"), edge.output());
            assertEquals(1, edge.count("EDGE authenticated INVITE 2005550121 as outdial"), edge.output());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact behind the edge took the call");
            Await.until(LIMIT, "legs released", () -> gw.gateway().userAgent().activeLegs() == 0);
        }
    }

    @Test
    void throughAnOutboundProxyTheDialogFollowsItsRecordRoute() throws Exception {
        // trunk.host is the contacts' own address; every request goes by way of the edge as outbound proxy (a Route
        // with lr), and the edge's Record-Route keeps our BYE on that path (loose routing, RFC 3261 16.12).
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(5)).calls(1).start();
             Kamailio edge = Kamailio.trunkEdge(contact.hostPort(), PASSWORD, "MD5");
             GatewayHarness gw = GatewayHarness.startWithTrunk(contact.hostPort(), agent(phone), CAMPAIGN,
                     credentials(PASSWORD) + "\n  outboundProxy: \"" + edge.hostPort() + "\"")) {
            gw.uploadAndStart("it", "contact_info\n2005550124\n");
            Await.until(LIMIT, "the call is up", () -> gw.gateway().userAgent().activeLegs() == 2);
            assertEquals(1, edge.count("EDGE authenticated INVITE 2005550124 as outdial"), edge.output());
            // The contact hangs up after its talk time: its BYE reaches us; our ACK went by the edge too.
            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, r.callResult(), edge.output());
            assertTrue(edge.count("EDGE loose-routed ACK") >= 1, "our ACK followed the record-route: " + edge.output());
            assertTrue(contact.awaitExit(LIMIT).passed());
        }
    }

    @Test
    void aWrongPasswordEndsTheCallAsGeneralErrorWithoutLooping() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             Kamailio edge = Kamailio.trunkEdge(contact.hostPort(), PASSWORD, "SHA-256");
             GatewayHarness gw = GatewayHarness.startWithTrunk(edge.hostPort(), agent(phone), CAMPAIGN,
                     credentials("not-the-password"))) {
            gw.uploadAndStart("it", "contact_info\n2005550122\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.GENERAL_ERROR, r.callResult());
            assertEquals(2, edge.count("EDGE challenge INVITE 2005550122"),
                    "one try with credentials, then we give up: " + edge.output());
            assertEquals(0, edge.count("EDGE authenticated"));
        }
    }

    @Test
    void aChallengeWithAnAlgorithmWeDoNotSpeakIsAGeneralError() throws Exception {
        // Kamailio 5.6 challenges with MD5 or SHA-256 only: SIPp plays a trunk asking for SHA-512-256.
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp trunk = Sipp.scenario("uas-challenge-unsupported.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.startWithTrunk(trunk.hostPort(), agent(phone), CAMPAIGN,
                     credentials(PASSWORD))) {
            gw.uploadAndStart("it", "contact_info\n2005550123\n");

            assertEquals(CallResult.GENERAL_ERROR, gw.awaitAllUpdated("it", LIMIT).get(0).callResult());
            Sipp.Result result = trunk.awaitExit(LIMIT);
            assertTrue(result.passed(), "one INVITE, its ACK, and no second INVITE: " + result.describe());
        }
    }
}
