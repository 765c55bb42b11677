package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.config.ConfigLoader;
import io.outdial.dialer.demo.Demo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's main job (command a): the sample configuration and list against the SIPp contact farm and agent
 * phones. Every record's printed result must be the one its number asks the farm for.
 */
class DemoIT {

    @Test
    void sampleCampaignPrintsTheExpectedResultOfEveryRecordAndASummary() throws Exception {
        Path config = Path.of("config/outdial.yaml");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            exit = new Demo(ConfigLoader.load(config), config, out).run();
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);

        List<String> recordLines = Arrays.stream(text.split("\n")).filter(l -> l.matches("^\\d+\\s+\\d+.*")).toList();
        assertEquals(10, recordLines.size(), text);
        for (String line : recordLines) {
            String number = line.split("\\s+")[1];
            String expected = switch (number.substring(0, 3)) {
                case "200" -> "Answer (33)";
                case "486" -> "Busy (6)";
                case "404" -> "Wrong Number (53)";
                case "480", "999" -> "No Answer (7)";
                case "503" -> "All Trunks Busy (10)";
                default -> throw new AssertionError("unexpected number in " + line);
            };
            assertTrue(line.contains(expected), "expected " + expected + " in: " + line);
        }
        assertTrue(text.contains("Summary: 10 records"), text);
    }
}
