package io.outdial.sip.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ToneFileTest {

    @Test
    void muLawEncodesSilenceAndTheExtremesAsG711Does() {
        assertEquals((byte) 0xFF, ToneFile.linearToMuLaw((short) 0));
        assertEquals((byte) 0x80, ToneFile.linearToMuLaw(Short.MAX_VALUE));
        assertEquals((byte) 0x00, ToneFile.linearToMuLaw((short) -32768));
        assertEquals((byte) 0xFE, ToneFile.linearToMuLaw((short) 8));
    }

    @Test
    void committedToneIsExactlyWhatTheGeneratorMakes() throws Exception {
        Path committed = Sipp.scenarioDirectory().resolve("audio").resolve(ToneFile.PCMU_TONE);
        assertArrayEquals(ToneFile.pcmuTone(), Files.readAllBytes(committed));
    }
}
