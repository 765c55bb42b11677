package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.testing.Sipp;
import io.outdial.sip.testing.TelephoneEventReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The desktop's keypad in a real headless Chromium: keys clicked in the interaction view of a connected progressive
 * call reach the contact as RFC 4733 events, decoded at the contact's RTP port.
 */
class AgentKeypadIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void keysClickedOnTheKeypadReachTheContactInOrder() throws Exception {
        try (TelephoneEventReceiver contactRtp = new TelephoneEventReceiver(96);
             Sipp phone = Sipp.scenario("agent-phone.xml").calls(2).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-telephone-event.xml").timeout(Duration.ofMinutes(2))
                     .set("contact_rtp_port", Integer.toString(contactRtp.port())).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AgentDesktopIT.AGENTS,
                     "  - { name: kp, dialingMode: progressive, agents: [ann], autoLoad: false }");
             Browser b = Browser.start("agent-keypad")) {
            gw.uploadAndStart("kp", "contact_info\n2005550801\n");
            AgentDesktopIT.logIn(b, gw, phone.uri("ann"));
            b.click("#btn-ready");
            b.awaitText("#call-status", "Connected");
            b.awaitVisible("#keypad");
            assertEquals("Send DTMF #", b.find("#dtmf-hash").getAttribute("aria-label"));

            for (String key : List.of("#dtmf-1", "#dtmf-2", "#dtmf-hash", "#dtmf-A", "#dtmf-star")) {
                b.click(key);
            }
            b.awaitText("#dtmf-sent", "12#A*");
            b.screenshot("agent-keypad-sent");
            List<TelephoneEventReceiver.Event> heard = contactRtp.awaitEvents(5, LIMIT, Duration.ofMillis(300));
            assertEquals("12#A*", heard.stream().map(e -> String.valueOf(e.key())).reduce("", String::concat));
            assertTrue(heard.stream().allMatch(e -> e.payloadType() == 96 && e.endPackets() == 3
                    && e.finalDuration() == 1280), heard::toString);

            b.click("#btn-end");
            b.awaitText("#call-status", "Ended");
            b.await(d -> !d.findElement(By.id("keypad")).isDisplayed());
            b.click("#btn-mark-done");
            b.awaitText("#messages", "Done:");
            Sipp.Result result = contact.awaitExit(LIMIT);
            assertTrue(result.passed(), result::describe);
        }
    }
}
