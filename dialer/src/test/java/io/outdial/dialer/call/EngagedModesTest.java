package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.LegEvent.EndReason;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** EngagedDialing (assured connection) and the CTI desk's login, in virtual time. */
class EngagedModesTest {

    private final DialerUnderTest gw = new DialerUnderTest(
            "  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }",
            "  - { name: ac, dialingMode: assured_connection, agents: [ann], autoLoad: false, autoStart: false }");

    @AfterEach
    void close() {
        gw.close();
    }

    @Test
    void assuredConnectionCallsTheAgentFirstAndDialsOnlyOnceTheAgentIsOnTheLine() {
        DialerUnderTest.Desktop ann = gw.login("ann", "s3cret");
        gw.uploadAndStart("ac", "contact_info\n2005550601\n");
        ann.send(new CtiCommand.Ready("r"));
        ScriptedLeg phone = gw.leg(0);
        assertTrue(phone.target().startsWith("sip:ann@"), "the agent's phone first: " + phone.target());
        assertEquals(1, gw.ua.legs.size(), "no contact dialed while the agent's phone rings");

        phone.answer();
        // The engaged agent is a free agent to the pacing engine: its next pass dials for it.
        gw.clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(2, gw.ua.legs.size(), "one contact dialed for the engaged agent");
        ScriptedLeg contact = gw.leg(1);
        assertTrue(contact.target().contains("2005550601"), contact.target());
        contact.answer();
        assertTrue(ann.received(e -> e instanceof CtiEvent.InteractionEstablished), ann.types().toString());
        contact.end(EndReason.REMOTE_HANGUP);
        String ix = ann.last(CtiEvent.InteractionReleased.class).interaction().interactionId();
        ann.send(new CtiCommand.MarkDone("d", ix));
        assertEquals(CallResult.ANSWER, gw.store.records("ac").get(0).callResult());
    }

    @Test
    void aWrongSecretAndAnUnknownAgentAreRefused() {
        CompletionException wrong = assertThrows(CompletionException.class, () -> gw.login("ann", "guess"));
        assertEquals(CtiErrorCodes.BAD_CREDENTIALS, ((CtiException) wrong.getCause()).code());
        CompletionException unknown = assertThrows(CompletionException.class, () -> gw.login("eve", "x"));
        assertEquals(CtiErrorCodes.UNKNOWN_AGENT, ((CtiException) unknown.getCause()).code());
        assertEquals(0, gw.ua.legs.size());
    }
}
