package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Contact view over the CTI: a previewed record's contact shows its details, the records of its chain and
 * the changes agents made to its editable fields; a change is validated by type, stored, and kept in that history;
 * a read-only field is refused with a coded error and nothing is written.
 */
class ContactDirectoryIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String CAMPAIGN = "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false,"
            + " recordFields: [{ name: name, label: Name, type: text },"
            + " { name: plan, label: Plan, type: dropdown, options: [Gold, Silver], editable: true },"
            + " { name: vip, label: VIP, type: checkbox, editable: true }] }";

    @Test
    void contactShowsDetailsChainAndEveryFieldChange() throws Exception {
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:5999", PreviewCampaignIT.AGENTS, CAMPAIGN)) {
            gw.uploadAndStart("pv", "contact_info,chain_id,chain_n,name,plan,vip\n"
                    + "2005550501,c1,0,Ann Lee,Gold,false\n2005550502,c1,1,Ann Lee,Gold,false\n");
            try (CtiClient desk = PreviewCampaignIT.login(gw, null)) {
                String ix = PreviewCampaignIT.ixOf(PreviewCampaignIT.getRecord(desk, "g1"));

                desk.send(new CtiCommand.UpdateRecordFields("ro", ix, Map.of("name", "Bob")));
                JsonNode refused = desk.awaitAny(LIMIT, "Error", "RecordFieldsUpdated");
                assertEquals("INVALID_RECORD_FIELD", refused.path("code").asText(), refused.toString());
                assertEquals("name", refused.path("field").asText());
                desk.send(new CtiCommand.UpdateRecordFields("nan", ix, Map.of("vip", "maybe")));
                assertEquals("vip", desk.awaitAny(LIMIT, "Error", "RecordFieldsUpdated").path("field").asText());

                desk.send(new CtiCommand.UpdateRecordFields("u1", ix, Map.of("plan", "Silver")));
                desk.await("RecordFieldsUpdated", LIMIT);
                desk.send(new CtiCommand.UpdateRecordFields("u2", ix, Map.of("vip", true)));
                desk.await("RecordFieldsUpdated", LIMIT);

                desk.send(new CtiCommand.GetContactDirectory("d1", ix));
                JsonNode contact = desk.await("ContactDirectory", LIMIT);
                assertEquals("d1", contact.path("requestId").asText());
                assertEquals("Ann Lee", contact.path("details").path("name").asText(), "read-only field untouched");
                assertEquals("Silver", contact.path("details").path("plan").asText());
                assertEquals("true", contact.path("details").path("vip").asText());
                assertEquals(2, contact.path("numbers").size(), "both records of the chain: " + contact);
                assertEquals("2005550502", contact.path("numbers").get(1).path("contactInfo").asText());
                JsonNode changes = contact.path("changes");
                assertEquals(2, changes.size(), changes.toString());
                assertEquals("plan", changes.get(0).path("field").asText());
                assertEquals("Gold", changes.get(0).path("from").asText());
                assertEquals("Silver", changes.get(0).path("to").asText());
                assertEquals("ann", changes.get(0).path("agentId").asText());
                assertEquals(ix, changes.get(0).path("interactionId").asText());
                assertEquals("false", changes.get(1).path("from").asText());
                assertTrue(changes.get(1).path("at").asText().endsWith("Z"), changes.toString());

                desk.send(new CtiCommand.SearchContacts("s1", "pv", "ann l"));
                JsonNode found = desk.await("Contacts", LIMIT);
                assertEquals(2, found.path("contacts").size(), found.toString());
                assertEquals("2005550501", found.path("contacts").get(0).path("contactInfo").asText());
                assertEquals("Ann Lee", found.path("contacts").get(0).path("fields").path("name").asText());
                desk.send(new CtiCommand.SearchContacts("s2", "pv", "5550502"));
                JsonNode byNumber = desk.await("Contacts", LIMIT);
                assertEquals(1, byNumber.path("contacts").size(), byNumber.toString());
                desk.send(new CtiCommand.SearchContacts("s3", "pv", "100%_"));
                assertEquals(0, desk.await("Contacts", LIMIT).path("contacts").size(), "wildcards are literal");
                desk.send(new CtiCommand.SearchContacts("s4", "pv", "a"));
                assertEquals("INVALID", desk.await("Error", LIMIT).path("code").asText(), "too short");
                desk.send(new CtiCommand.SearchContacts("s5", "other", "ann"));
                assertEquals("INVALID", desk.await("Error", LIMIT).path("code").asText(), "not the agent's campaign");

                desk.send(new CtiCommand.GetContactDirectory("d2", "no-such"));
                assertEquals("UNKNOWN_INTERACTION", desk.await("Error", LIMIT).path("code").asText());
            }
            JsonNode stored = GatewayHarness.JSON.readTree(gw.get("/api/campaigns/pv/records"));
            assertEquals("Silver", stored.get(0).path("plan").asText(), "the change is stored on the record");
        }
    }
}
