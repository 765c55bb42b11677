package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One progressive campaign call end to end: the in-process gateway, real SIPp contacts and agent phones over
 * loopback, real RTP, real HTTP and a real WebSocket desktop.
 */
class ProgressiveCampaignIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static String phoneOnlyAgent(Sipp phone) {
        return phoneOnlyAgent("agent1", phone);
    }

    private static String phoneOnlyAgent(String id, Sipp phone) {
        return "  - { id: " + id + ", phone: \"" + phone.uri(id) + "\", autoReady: true, wrapUp: 0s }";
    }

    private static String twoPhoneOnlyAgents(Sipp phone1, Sipp phone2) {
        return phoneOnlyAgent("agent1", phone1) + "\n" + phoneOnlyAgent("agent2", phone2);
    }

    private static String campaign(String agents) {
        return "  - { name: it, description: \"integration\", dialingMode: progressive, agents: [" + agents + "],"
                + " autoLoad: false, autoStart: false }";
    }

    @Test
    void answeredContactIsBridgedToTheAgentWithRtpBothWaysAndEndsAsAnswer() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(3)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone), campaign("agent1"))) {
            gw.uploadAndStart("it", "contact_info,first_name\n2005550101,Ann\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, r.callResult());
            assertEquals(1, r.attempt());
            assertEquals("agent1", r.agentId());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact's scenario completed");
            // Real packets crossed the bridge in both directions.
            assertTrue(gw.metric("outdial_rtp_leg_packets_total{direction=\"in\",leg=\"contact\"}") > 20);
            assertTrue(gw.metric("outdial_rtp_leg_packets_total{direction=\"out\",leg=\"contact\"}") > 20);
            assertTrue(gw.metric("outdial_rtp_leg_packets_total{direction=\"in\",leg=\"agent\"}") > 20);
            assertTrue(gw.metric("outdial_rtp_leg_packets_total{direction=\"out\",leg=\"agent\"}") > 20);
            assertTrue(gw.metric("outdial_rtp_packets_relayed_total") > 40);
            assertEquals(1.0, gw.metric("outdial_call_results_total{campaign=\"it\",result=\"ANSWER\"}"));
            Await.until(LIMIT, "both legs released", () -> gw.gateway().userAgent().activeLegs() == 0);
        }
    }

    @Test
    void busyContactGetsBusyResultAndAgentIsNeverCalled() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-busy.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone), campaign("agent1"))) {
            gw.uploadAndStart("it", "contact_info\n4865550102\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.BUSY, r.callResult());
            assertEquals(1, r.attempt());
            assertEquals(0.0, gw.metric("outdial_calls_answered_total{campaign=\"it\"}"));
            Sipp.Result agentPhone = phone.stop();
            assertEquals(0, agentPhone.successful() + agentPhone.failed(), "the agent's phone never rang");
        }
    }

    @Test
    void contactThatNeverAnswersIsNoAnswerAfterTheRingTimeout() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-ring-forever.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone), campaign("agent1"))) {
            gw.uploadAndStart("it", "contact_info\n9995550103\n");

            // How long it rings (the configured timeout, exactly) is RingTimeoutIT's, in virtual time.
            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.NO_ANSWER, r.callResult());
            assertTrue(contact.awaitExit(LIMIT).passed(), "SIPp saw CANCEL, answered 487 and got the ACK");
        }
    }

    @Test
    void notFoundIsWrongNumber() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-not-found.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone), campaign("agent1"))) {
            gw.uploadAndStart("it", "contact_info\n4045550104\n");

            assertEquals(CallResult.WRONG_NUMBER, gw.awaitAllUpdated("it", LIMIT).get(0).callResult());
        }
    }

    @Test
    void desktopSeesTheCallInOrderSetsAResultAndMarksDone() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(2)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     "  - { id: ann, secret: s3cret }", campaign("ann"))) {
            gw.post("/api/campaigns/it/records", "contact_info,first_name,balance\n2005550105,Bob,120.50\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
                JsonNode loggedIn = desk.await("LoggedIn", LIMIT);
                assertEquals("NotReady", loggedIn.path("state").asText());
                assertEquals("it", desk.await("CampaignLoaded", LIMIT).path("campaign").path("name").asText());
                gw.post("/api/campaigns/it/start", "");
                desk.await("CampaignStarted", LIMIT);
                desk.send(new CtiCommand.Ready("2"));

                JsonNode ringing = desk.await("InteractionRinging", LIMIT);
                JsonNode record = ringing.path("interaction").path("record");
                assertEquals("2005550105", record.path("contact_info").asText());
                assertEquals("Bob", record.path("first_name").asText());
                String ix = ringing.path("interaction").path("interactionId").asText();
                desk.await("InteractionEstablished", LIMIT);
                desk.await("InteractionReleased", LIMIT);
                assertEquals(List.of("LoggedIn", "CampaignLoaded", "CampaignStarted", "AgentStateChanged",
                        "AgentStateChanged", "InteractionRinging", "AgentStateChanged", "InteractionEstablished",
                        "AgentStateChanged", "InteractionReleased"), desk.types());

                desk.send(new CtiCommand.SetCallResult("3", ix, "WRONG_PARTY"));
                desk.await("CallResultSet", LIMIT);
                // A progressive record is dialed again by its campaign's treatments, not by the agent.
                desk.send(new CtiCommand.Recall("r", ix));
                JsonNode recall = desk.await("Error", LIMIT);
                assertEquals("NOT_ALLOWED", recall.path("code").asText(), recall.toString());
                assertTrue(recall.path("message").asText().contains("treatments"), recall.toString());
                desk.send(new CtiCommand.MarkDone("4", ix));
                assertEquals("WRONG_PARTY", desk.await("InteractionDone", LIMIT).path("callResult").asText());
                assertEquals("Ready", desk.await("AgentStateChanged", LIMIT).path("state").asText());
            }
            CallingRecord r = gw.records("it").get(0);
            assertEquals(RecordStatus.UPDATED, r.status());
            assertEquals(CallResult.WRONG_PARTY, r.callResult());
            assertEquals("ann", r.agentId());
        }
    }

    @Test
    void unloadingWhileContactsRingLeavesNothingRetrieved() throws Exception {
        try (Sipp phone1 = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp phone2 = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-ring-forever.xml").calls(4).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     twoPhoneOnlyAgents(phone1, phone2), campaign("agent1, agent2"))) {
            gw.uploadAndStart("it", "contact_info\n9990000001\n9990000002\n9990000003\n9990000004\n");
            Await.until(LIMIT, "two contacts ringing", () -> gw.gateway().dialing().callsInProgress() == 2);

            gw.post("/api/campaigns/it/unload", "");

            Await.until(LIMIT, "calls gone", () -> gw.gateway().dialing().callsInProgress() == 0);
            Await.until(LIMIT, "records settled",
                    () -> gw.counts("it").getOrDefault(RecordStatus.RETRIEVED, 0) == 0);
            Map<RecordStatus, Integer> counts = gw.counts("it");
            assertEquals(4, counts.getOrDefault(RecordStatus.READY, 0), "cancelled before answer: back to Ready");
            assertTrue(gw.records("it").stream().allMatch(r -> r.attempt() == 0));
        }
    }

    @Test
    void killingContactsMidCallThenUnloadingLosesNoRecord() throws Exception {
        try (Sipp phone1 = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp phone2 = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     twoPhoneOnlyAgents(phone1, phone2), campaign("agent1, agent2"))) {
            gw.uploadAndStart("it", "contact_info\n2000000001\n2000000002\n2000000003\n2000000004\n2000000005\n");
            Await.until(LIMIT, "two calls connected", () -> metricQuietly(gw, "outdial_agents{state=\"Busy\"}") == 2);

            contact.stop(); // the contacts' side dies: no BYE will ever come from it
            gw.post("/api/campaigns/it/unload", "");

            Await.until(Duration.ofSeconds(60), "calls gone", () -> gw.gateway().dialing().callsInProgress() == 0);
            Await.until(LIMIT, "records settled",
                    () -> gw.counts("it").getOrDefault(RecordStatus.RETRIEVED, 0) == 0);
            Map<RecordStatus, Integer> counts = gw.counts("it");
            assertEquals(2, counts.getOrDefault(RecordStatus.UPDATED, 0), "the two talked calls keep their result");
            assertEquals(3, counts.getOrDefault(RecordStatus.READY, 0), "the others were never dialed");
            assertTrue(gw.records("it").stream().filter(r -> r.status() == RecordStatus.UPDATED)
                    .allMatch(r -> r.callResult() == CallResult.ANSWER));
        }
    }

    @Test
    void agentPhoneThatDoesNotAnswerLeavesTheContactAbandoned() throws Exception {
        try (Sipp phone = Sipp.scenario("uas-busy.xml").calls(1).start();
             Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone), campaign("agent1"))) {
            gw.uploadAndStart("it", "contact_info\n2005550106\n");

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ABANDONED, r.callResult());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the waiting contact got our BYE");
            assertEquals(1.0, gw.metric("outdial_agents{state=\"NotReady\"}"), "the agent rests after a failed phone");
        }
    }

    @Test
    void desktopRequestsThatDoNotFitGetAnErrorWithAReason() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-busy.xml").calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     campaign("ann"))) {
            try (CtiClient intruder = new CtiClient(gw.ctiUrl())) {
                intruder.send(new CtiCommand.Login(null, "ann", "guess", "sip:a@127.0.0.1"));
                assertEquals("BAD_CREDENTIALS", intruder.await("Error", LIMIT).path("code").asText());
            }
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login(null, "ann", "s3cret", "sip:ann@127.0.0.1:5999"));
                desk.await("LoggedIn", LIMIT);
                desk.send(new CtiCommand.MarkDone("7", "ix-99"));
                JsonNode error = desk.await("Error", LIMIT);
                assertEquals("UNKNOWN_INTERACTION", error.path("code").asText());
                assertEquals("7", error.path("requestId").asText());
                desk.send(new CtiCommand.Logout("8"));
                assertEquals("8", desk.await("LoggedOut", LIMIT).path("requestId").asText());
            }
            assertEquals(1.0, gw.metric("outdial_agents{state=\"LoggedOut\"}"));
        }
    }

    @Test
    void aNumberOnTheDoNotCallListIsNeverDialed() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(2).start();
             Sipp contact = Sipp.scenario("uas-busy.xml").calls(2).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), phoneOnlyAgent(phone), campaign("agent1"))) {
            gw.post("/api/dnc", "{\"phone\": \"486-555-0107\"}");
            assertTrue(gw.get("/api/dnc").contains("4865550107"));
            gw.uploadAndStart("it", "contact_info\n4865550107\n4865550108\n");

            List<CallingRecord> records = gw.awaitAllUpdated("it", LIMIT);
            assertEquals(CallResult.DO_NOT_CALL, records.get(0).callResult());
            assertEquals(0, records.get(0).attempt());
            assertEquals(CallResult.BUSY, records.get(1).callResult());
            Sipp.Result contacts = contact.stop();
            assertEquals(1, contacts.successful() + contacts.failed(), "only the other number reached the trunk");
        }
    }

    private static double metricQuietly(GatewayHarness gw, String sample) {
        try {
            return gw.metric(sample);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
