package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SDES-SRTP towards the trunk: baresip (libre's SRTP, a separate implementation) answers as the contact with
 * RTP/SAVP only, and loops the audio it decrypts back. Audio flows both ways through the gateway's relay, which
 * counts only packets that authenticated; baresip's decoded audio is the agent phone's tone, not silence.
 */
class TrunkSrtpIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String CAMPAIGN = "  - { name: it, description: \"trunk srtp\", dialingMode: progressive,"
            + " agents: [agent1], autoLoad: false, autoStart: false }";

    private static String agent(Sipp phone) {
        return "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }";
    }

    private static double metric(GatewayHarness gw, String sample) {
        try {
            return gw.metric(sample);
        } catch (Exception e) {
            return -1;
        }
    }

    private static int peak(Baresip phone) {
        try {
            return phone.receivedAudioPeak();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long decodedBytes(Baresip phone) {
        try {
            return phone.receivedAudioBytes();
        } catch (IOException e) {
            return 0;
        }
    }

    /** require: RTP/SAVP to a contact that takes only that; offer: RTP/AVP with keys to a best-effort contact. */
    @ParameterizedTest(name = "trunk.srtp {0}, baresip mediaenc {1}")
    @CsvSource({"require, srtp-mand", "offer, srtp"})
    void aContactSpeakingSrtpGetsEncryptedAudioBothWays(String trunkSrtp, String mediaenc) throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Baresip contact = Baresip.answering("2005550141", mediaenc);
             GatewayHarness gw = GatewayHarness.startWithTrunk("127.0.0.1:" + contact.sipPort(), agent(phone),
                     CAMPAIGN, "  srtp: " + trunkSrtp)) {
            gw.uploadAndStart("it", "contact_info\n2005550141\n");
            contact.awaitOutput("SRTP is Enabled \\(cryptosuite=AES_CM_128_HMAC_SHA1_80\\)", LIMIT);
            contact.awaitOutput("(?i)call established", LIMIT);
            // baresip plays back what it decrypted and decoded: the agent phone's tone, through our relay.
            Await.until(LIMIT, "baresip decoding the agent's tone", () -> peak(contact) > 1000);
            // aubridge starts looping after a few seconds; its status line shows bit rates received/sent
            contact.awaitOutput("audio=\\d+/[1-9]\\d* \\(bit/s\\)", LIMIT);
            long decoded = decodedBytes(contact);
            Await.until(LIMIT, "2 s more of audio both ways", () -> decodedBytes(contact) > decoded + 32_000);
            contact.hangup();

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, r.callResult());
            Await.until(LIMIT, "legs released", () -> gw.gateway().userAgent().activeLegs() == 0);
            // Packets in on the contact's leg are those that authenticated; out, those we protected.
            String packets = gw.get("/metrics").lines().filter(l -> l.startsWith("outdial_rtp_leg_packets_total"))
                    .reduce("", (a, b) -> a + "\n" + b);
            assertTrue(metric(gw, "outdial_rtp_leg_packets_total{direction=\"in\",leg=\"contact\"}") > 50, packets);
            assertTrue(metric(gw, "outdial_rtp_leg_packets_total{direction=\"out\",leg=\"contact\"}") > 50, packets);
            assertTrue(metric(gw, "outdial_rtp_leg_packets_total{direction=\"out\",leg=\"agent\"}") > 50,
                    "the contact's looped audio reached the agent's phone: " + packets);
        }
    }

    @Test
    void aContactAnsweringWithoutSrtpWhenTheTrunkRequiresItIsNotConnected() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             GatewayHarness gw = GatewayHarness.startWithTrunk(contact.hostPort(), agent(phone), CAMPAIGN,
                     "  srtp: require")) {
            gw.uploadAndStart("it", "contact_info\n2005550142\n");
            // SIPp answers RTP/AVP without a=crypto: the gateway ACKs, hangs up and ends the record.
            assertEquals(CallResult.GENERAL_ERROR, gw.awaitAllUpdated("it", LIMIT).get(0).callResult());
            Await.until(LIMIT, "legs released", () -> gw.gateway().userAgent().activeLegs() == 0);
        }
    }
}
