package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.InteractionIds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a predictive call's {@link PredictiveAgentStage} moves (virtual time, scripted legs, interaction preview):
 * offered to an agent it is previewing; rejected, it has no agent again; accepted, the agent is given it; handed to
 * an outside number, it is transferred out.
 */
class PredictiveAgentStagesFlowTest {
    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            "  - { name: pdp, dialingMode: predictive, agents: [ann], autoLoad: false, autoStart: false,"
                    + " preview: { interactionPreview: true, acceptTimeout: 30s, autoReject: false } }");

    @AfterEach
    void close() {
        gw.close();
    }

    private List<PredictiveAgentStage> stages() {
        return gw.dialer.dialing().assignments().states(InteractionIds.Owner.PREDICTIVE, PredictiveDial.class)
                .stream().map(d -> d.stage).toList();
    }

    private String offered(DialerUnderTest.Desktop ann, String phone) {
        gw.uploadAndStart("pdp", "contact_info\n" + phone + "\n");
        ann.send(new CtiCommand.Ready("rd"));
        gw.clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(PredictiveAgentStage.NO_AGENT), stages(), "ringing: no agent");
        gw.leg(0).answer();
        assertEquals(List.of(PredictiveAgentStage.PREVIEWING), stages(), "offered at the pick-up");
        return ann.last(CtiEvent.InteractionPreview.class).interaction().interactionId();
    }

    @Test
    void aRejectedPreviewLeavesTheContactWithNoAgentWithinItsWindow() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        String ix = offered(ann, "2005550811");
        ann.send(new CtiCommand.Reject("rj", ix));
        assertEquals(List.of(PredictiveAgentStage.NO_AGENT), stages(), "waits for another agent");
    }

    @Test
    void anAcceptedPreviewGivesTheAgentTheCallAndATransferOutIsFinal() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        String ix = offered(ann, "2005550812");
        ann.send(new CtiCommand.Accept("a", ix));
        assertEquals(List.of(PredictiveAgentStage.AGENT_GIVEN), stages());
        gw.leg(1).answer();
        assertEquals(ix, ann.last(CtiEvent.InteractionEstablished.class).interaction().interactionId());

        ann.send(new CtiCommand.Transfer("t", ix, null, "2005550899"));
        gw.leg(2).answer();
        assertEquals(List.of(PredictiveAgentStage.TRANSFERRED_OUT), stages(), ann.types().toString());
    }
}
