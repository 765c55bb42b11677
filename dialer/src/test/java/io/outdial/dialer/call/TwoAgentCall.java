package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.store.CallingRecord;

/**
 * The starting point of the hand-on desks' tests (transfer, consultation, conference): ann and bob logged in, a
 * progressive campaign of ann's with one record, and ann talking with its contact (leg 0 the contact, leg 1 ann's
 * phone). bob is Not Ready until {@link #bobReady()}. All in virtual time on scripted legs.
 */
final class TwoAgentCall implements AutoCloseable {
    final DialerUnderTest gw;
    final DialerUnderTest.Desktop ann;
    final DialerUnderTest.Desktop bob;
    final ScriptedLeg contact;
    final ScriptedLeg annPhone;
    final String ix;

    /** {@code campaignExtra}: more settings of the campaign, each led by ", " (or empty). */
    TwoAgentCall(String campaignExtra) {
        gw = new DialerUnderTest("  - { id: ann, secret: s3cret, phone: \"sip:ann@127.0.0.1:5081\" }\n"
                + "  - { id: bob, secret: s3cret, phone: \"sip:bob@127.0.0.1:5082\" }",
                "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false, autoStart: false"
                        + campaignExtra + " }");
        ann = gw.login("ann", "s3cret");
        bob = gw.login("bob", "s3cret");
        gw.uploadAndStart("it", "contact_info,Plan\n2005550401,Silver\n");
        ann.send(new CtiCommand.Ready("a1"));
        contact = gw.leg(0);
        contact.answer();
        annPhone = gw.leg(1);
        annPhone.answer();
        ix = ann.last(CtiEvent.InteractionEstablished.class).interaction().interactionId();
        assertEquals(1, gw.ua.bridges, "ann and the contact talk");
    }

    void bobReady() {
        bob.send(new CtiCommand.Ready("b1"));
        assertEquals("Ready", bob.last(CtiEvent.AgentStateChanged.class).state());
    }

    CallingRecord record() {
        return gw.store.records("it").get(0);
    }

    @Override
    public void close() {
        gw.close();
    }
}
