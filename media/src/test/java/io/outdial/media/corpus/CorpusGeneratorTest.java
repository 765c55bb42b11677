package io.outdial.media.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The two ways of ending a synthetic machine's sentences draw the same random numbers, so figures on the corpus made
 * each way compare the glides alone (docs/benchmarks.md): people, timing and beeps are the same, machines differ
 * only in the pitch of their phrase-final vowels.
 */
class CorpusGeneratorTest {

    @Test
    void statementEndingsChangeOnlyTheMachinesPitch() {
        CorpusGenerator random = new CorpusGenerator(7, CorpusGenerator.MachineEndings.RANDOM);
        CorpusGenerator statements = new CorpusGenerator(7, CorpusGenerator.MachineEndings.STATEMENTS);
        boolean someMachineDiffers = false;
        for (int i = 0; i < 20; i++) {
            CorpusItem person = random.human(i);
            CorpusItem samePerson = statements.human(i);
            assertArrayEquals(person.pcm(), samePerson.pcm(), person.id());
            CorpusItem machine = random.machine(i);
            CorpusItem sameTiming = statements.machine(i);
            assertEquals(machine.description(), sameTiming.description());
            assertEquals(machine.pcm().length, sameTiming.pcm().length, machine.id());
            assertEquals(machine.greetingEndMillis(), sameTiming.greetingEndMillis(), machine.id());
            someMachineDiffers |= !Arrays.equals(machine.pcm(), sameTiming.pcm());
        }
        assertTrue(someMachineDiffers, "the statement endings change the machines' audio");
    }
}
