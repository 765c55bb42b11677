package io.outdial.dialer.pacing.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbandonedRedialFilterTest {
    private static final Instant ABANDONED = Instant.parse("2025-03-03T10:00:00Z");
    private final AbandonedRedialFilter filter = AbandonedRedialFilter.of(ComplianceSettings.defaults());

    @Test
    void anAbandonedNumberIsNotRedialedForSeventyTwoHours() {
        assertFalse(filter.mayDial(Optional.of(ABANDONED), ABANDONED.plus(Duration.ofHours(71).plusMinutes(59))));
        assertTrue(filter.mayDial(Optional.of(ABANDONED), ABANDONED.plus(Duration.ofHours(72))));
        assertEquals(ABANDONED.plus(Duration.ofHours(72)), filter.dialableFrom(ABANDONED));
    }

    @Test
    void aNumberNeverAbandonedMayBeDialed() {
        assertTrue(filter.mayDial(Optional.empty(), ABANDONED));
    }

    @Test
    void recordsOfRecentlyAbandonedNumbersAreFilteredOutInOrder() {
        Map<String, Instant> lastAbandoned = Map.of("555-2", ABANDONED);
        List<String> numbers = List.of("555-1", "555-2", "555-3");
        Instant now = ABANDONED.plus(Duration.ofHours(1));
        assertEquals(List.of("555-1", "555-3"),
                filter.dialable(numbers, n -> Optional.ofNullable(lastAbandoned.get(n)), now));
    }
}
