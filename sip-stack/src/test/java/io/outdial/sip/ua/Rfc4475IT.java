package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFC 4475's torture messages (src/test/resources/rfc4475, written for this project from the RFC's descriptions),
 * each sent over UDP and over TCP to a running gateway, three runs in one test: every message gets the answer
 * expected.properties documents, the same in every run; responses are never answered; a call still completes
 * afterwards. docs/adr/0012-hostile-sip-input.md explains where the answers differ from the RFC's hints.
 */
class Rfc4475IT {
    private static final int RUNS = 3;
    private static final String DIR = "/rfc4475/";

    @Test
    void everyTortureMessageGetsItsDocumentedAnswerInEveryRunAndACallStillCompletes() throws Exception {
        Map<String, String> expected = expected();
        assertTrue(expected.size() >= 45, "the torture set: " + expected.size());
        String only = System.getProperty("rfc4475.only"); // e.g. -Drfc4475.only=dblreq to look at one message
        if (only != null && !only.isBlank()) {
            expected.keySet().retainAll(List.of(only.split(",")));
        }
        try (GatewayUnderTest gateway = GatewayUnderTest.start();
             TortureProbe probe = new TortureProbe(gateway.sipPort())) {
            Map<String, String> firstRun = null;
            List<String> wrong = new ArrayList<>();
            for (int run = 1; run <= RUNS; run++) {
                Map<String, String> answers = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : expected.entrySet()) {
                    byte[] template = resource(e.getKey() + ".sip");
                    String unique = e.getKey() + "-r" + run;
                    for (String transport : List.of("udp", "tcp")) {
                        String expectation = expectation(e.getValue(), transport);
                        if (expectation.equals("skip")) {
                            continue;
                        }
                        boolean answerDue = answerDue(expectation);
                        String answer = transport.equals("udp") ? probe.overUdp(template, unique + "u", answerDue)
                                : probe.overTcp(template, unique + "t", answerDue);
                        answers.put(e.getKey() + "/" + transport, answer);
                        if (!matches(expectation, answer)) {
                            wrong.add("run " + run + " " + e.getKey() + "/" + transport + ": expected " + expectation
                                    + ", got " + answer);
                        }
                    }
                }
                if (firstRun == null) {
                    firstRun = answers;
                } else {
                    assertEquals(firstRun, answers, "run " + run + " answers as run 1");
                }
            }
            assertEquals(List.of(), wrong, "answers as documented; all of run 1: " + firstRun);

            try (Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofMillis(300)).start()) {
                TrunkConfig trunk = new TrunkConfig("127.0.0.1", contact.sipPort(), Transport.UDP, null, "100", null);
                LegEvents events = new LegEvents();
                gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "5551234", Duration.ofSeconds(30)),
                        gateway.newCall(), events);
                events.untilTerminal(Duration.ofSeconds(10));
                assertEquals(List.of("Trying", "Ringing", "Answered", "Ended"), events.names());
                assertEquals(LegEvent.EndReason.REMOTE_HANGUP, ((LegEvent.Ended) events.seen().get(3)).reason());
                assertTrue(contact.awaitExit(Duration.ofSeconds(10)).passed());
            }
            gateway.awaitIdle(Duration.ofSeconds(10));
        }
    }

    /** The expectation over {@code transport} from "DEFAULT [tcp:X] [udp:Y]". */
    static String expectation(String spec, String transport) {
        String[] parts = spec.split("\\s+");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith(transport + ":")) {
                return parts[i].substring(transport.length() + 1);
            }
        }
        return parts[0];
    }

    /** Whether {@code expectation} documents a response (then the probe waits for it rather than for a grace). */
    static boolean answerDue(String expectation) {
        return !expectation.equals("none") && !expectation.equals("400-or-drop");
    }

    /** Whether {@code answer} ("STATUS reason" or "none") is what {@code expectation} documents. */
    static boolean matches(String expectation, String answer) {
        boolean none = answer.equals("none");
        if (!none && !plainReason(answer)) {
            return false;
        }
        String status = none ? "" : answer.substring(0, 3);
        return switch (expectation) {
            case "none" -> none;
            case "400-or-drop" -> none || status.equals("400");
            case "register" -> !none && !status.equals("400");
            default -> status.equals(expectation);
        };
    }

    /** Printable ASCII, no Java object id such as {@code [C@573d3a5e}. */
    static boolean plainReason(String statusLine) {
        return statusLine.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                && !statusLine.matches(".*[\\[\\w.$]@[0-9a-f]{5,}.*");
    }

    private static Map<String, String> expected() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : new String(resource("expected.properties"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                expected.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return expected;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Rfc4475IT.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("no test resource " + DIR + name);
            }
            return in.readAllBytes();
        }
    }
}
