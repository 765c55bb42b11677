package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.record.CallResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a progressive call's {@link AgentLegFate} moves (virtual time, scripted legs): unbridged while the contact and
 * the agent's phone ring, bridged once both answered, and bridged it stays; an agent's phone that fails abandons the
 * contact and sets the agent Not Ready.
 */
class AgentLegFatesFlowTest {
    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            "  - { name: pg, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false }");

    @AfterEach
    void close() {
        gw.close();
    }

    private List<AgentLegFate> fates() {
        return gw.dialer.dialing().assignments().states(InteractionIds.Owner.PROGRESSIVE, ProgressiveCall.class)
                .stream().map(p -> p.call().legs().agentFate()).toList();
    }

    private void contactAnswered(String phone) {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("pg", "contact_info\n" + phone + "\n");
        ann.send(new CtiCommand.Ready("r"));
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(AgentLegFate.UNBRIDGED), fates(), "the contact rings");
        gw.leg(0).answer();
        assertEquals(List.of(AgentLegFate.UNBRIDGED), fates(), "the agent's phone rings");
    }

    @Test
    void aCallIsBridgedOnceTheAgentAnswersAndStaysSo() {
        contactAnswered("2005550911");
        gw.leg(1).answer();
        assertEquals(List.of(AgentLegFate.BRIDGED), fates());
        gw.clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(AgentLegFate.BRIDGED), fates(), "talking");
    }

    @Test
    void anAgentsPhoneThatFailsAbandonsTheContactAndSetsTheAgentNotReady() {
        contactAnswered("2005550912");
        gw.leg(1).fail(486);
        gw.clock.advance(Duration.ofSeconds(1));
        assertTrue(fates().isEmpty(), "the call is over: " + fates());
        assertEquals(CallResult.ABANDONED, gw.record("pg", "2005550912").callResult());
        assertEquals(AgentState.NOT_READY, gw.dialer.roster().find("ann").orElseThrow().state(),
                "the phone's failure is the outcome's word");
    }
}
