package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contact's 200 OK carries a hostile SDP answer (src/test/resources/hostile-sdp): each call gets a definite result
 * within the step, the 200 is ACKed and the dialog ended with a BYE, and the gateway is left with no leg. The results
 * are those docs/adr/0012-hostile-sip-input.md documents: an answer the gateway cannot use fails the leg as
 * MEDIA_MISMATCH (a campaign record: General error), with the reason naming what was wrong.
 */
class HostileSdpIT {
    private static final Duration STEP = Duration.ofSeconds(15);
    private static final int ATTRIBUTE_LINES = 10_000;

    private static GatewayUnderTest gateway;

    @TempDir
    static Path scenarios;

    @BeforeAll
    static void start() {
        gateway = GatewayUnderTest.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no-m-line|the answer has no audio stream",
            "port-zero|the far end rejected the audio stream (port 0)",
            "unknown-codecs|no common codec",
            "many-attributes|more than 500",
            "no-c-line|the answer has no connection address",
            "ipv6-c-line|ANSWERED"})
    void aHostileSdpAnswerEndsTheCallWithADefiniteResult(String body, String outcome) throws Exception {
        Path scenario = scenario(body);
        try (Sipp contact = Sipp.scenario(scenario.toString()).start()) {
            TrunkConfig trunk = new TrunkConfig("127.0.0.1", contact.sipPort(), Transport.UDP, null, "100", null);
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "5551234", Duration.ofSeconds(30)),
                    gateway.newCall(), events);
            if (outcome.equals("ANSWERED")) {
                events.awaitType(LegEvent.Answered.class, STEP);
                leg.hangup();
                events.untilTerminal(STEP);
                assertTrue(events.seen().get(events.seen().size() - 1) instanceof LegEvent.Ended, events.names()
                        .toString());
            } else {
                LegEvent.Failed failed = events.awaitType(LegEvent.Failed.class, STEP);
                assertEquals(LegEvent.FailureKind.MEDIA_MISMATCH, failed.kind(), failed.toString());
                assertTrue(failed.reason().contains(outcome), failed.reason());
            }
            Sipp.Result result = contact.awaitExit(STEP);
            assertTrue(result.passed(), "the contact got its ACK and a BYE: " + result.describe());
        }
        gateway.awaitIdle(STEP);
    }

    /** The template with {@code body} as its SDP, written to the temporary folder. */
    private static Path scenario(String body) throws IOException {
        String template = resource("uas-answer-hostile-sdp.xml");
        String sdp;
        if (body.equals("many-attributes")) {
            StringBuilder lines = new StringBuilder(resource("unknown-codecs.sdp").replace("96 97 118", "0"));
            for (int i = 0; i < ATTRIBUTE_LINES; i++) {
                lines.append("a=x\n"); // unindented: SIPp cannot load a scenario much over 64 kB
            }
            sdp = lines.toString();
        } else {
            sdp = resource(body + ".sdp");
        }
        Path file = scenarios.resolve("uas-answer-" + body + ".xml");
        Files.writeString(file, template.replace("@SDP@\n", sdp), StandardCharsets.ISO_8859_1);
        return file;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HostileSdpIT.class.getResourceAsStream("/hostile-sdp/" + name)) {
            if (in == null) {
                throw new IOException("no test resource /hostile-sdp/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
