package io.outdial.dialer.pacing.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AbandonmentLedgerTest {
    private static final Instant MONDAY = Instant.parse("2025-03-03T10:00:00Z");

    @Test
    void dayRateStartsAfreshEachDayWhileTheWindowKeepsThirtyDays() {
        AbandonmentLedger ledger = new AbandonmentLedger(ComplianceSettings.defaults(), ZoneOffset.UTC);
        for (int i = 0; i < 100; i++) {
            ledger.liveAnswered(MONDAY);
        }
        ledger.abandoned(MONDAY);
        ledger.abandoned(MONDAY);
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        for (int i = 0; i < 100; i++) {
            ledger.liveAnswered(tuesday);
        }
        AbandonmentReport r = ledger.report(tuesday);
        assertEquals(0, r.dayRate(), 1e-12);
        assertEquals(0.01, r.windowRate(), 1e-12);
        assertEquals(0, ledger.report(MONDAY.plus(Duration.ofDays(31))).windowRate(), 1e-12);
    }

    @Test
    void slackIsTheAbandonsStillAllowedUnderTheLimit() {
        AbandonmentLedger ledger = new AbandonmentLedger(ComplianceSettings.defaults(), ZoneOffset.UTC);
        for (int i = 0; i < 200; i++) {
            ledger.liveAnswered(MONDAY);
        }
        ledger.abandoned(MONDAY);
        assertEquals(0.03 * 200 - 1, ledger.slack(MONDAY), 1e-9);
    }

    @Test
    void machinesAreReportedApartWithEstimatedFalsePositivesCountedOnlyWhenAskedTo() {
        ComplianceSettings us = ComplianceSettings.defaults();
        ComplianceSettings uk = new ComplianceSettings(0.03, 30, 0.05, true, Duration.ofHours(72));
        AbandonmentLedger usLedger = new AbandonmentLedger(us, ZoneOffset.UTC);
        AbandonmentLedger ukLedger = new AbandonmentLedger(uk, ZoneOffset.UTC);
        for (AbandonmentLedger l : new AbandonmentLedger[] {usLedger, ukLedger}) {
            for (int i = 0; i < 100; i++) {
                l.liveAnswered(MONDAY);
                l.machineDetected(MONDAY);
            }
        }
        assertEquals(100, usLedger.report(MONDAY).today().machines());
        assertEquals(5, usLedger.report(MONDAY).dayEstimatedAmdFalsePositives(), 1e-9);
        assertEquals(0, usLedger.report(MONDAY).dayRate(), 1e-12);
        assertEquals(5.0 / 105, ukLedger.report(MONDAY).dayRate(), 1e-12);
    }

    @Test
    void theStoredCountsOfAllGatewaysRaiseTheLocalOnesButNeverLowerThem() {
        AbandonmentLedger ledger = new AbandonmentLedger(ComplianceSettings.defaults(), ZoneOffset.UTC);
        java.time.LocalDate monday = java.time.LocalDate.ofInstant(MONDAY, ZoneOffset.UTC);
        for (int i = 0; i < 10; i++) {
            ledger.liveAnswered(MONDAY);
        }
        ledger.abandoned(MONDAY);
        // The store: this gateway's 10 live answers plus another gateway's 90, and two abandons of the other's.
        ledger.restore(monday, new AbandonmentLedger.DayCounts(100, 2, 0));
        assertEquals(new AbandonmentLedger.DayCounts(100, 2, 0), ledger.report(MONDAY).today());
        assertEquals(0.03 * 100 - 2, ledger.slack(MONDAY), 1e-9);
        // A local abandon whose write has not reached the store yet is not lost by the next read.
        ledger.abandoned(MONDAY);
        ledger.abandoned(MONDAY);
        ledger.restore(monday, new AbandonmentLedger.DayCounts(100, 3, 0));
        assertEquals(new AbandonmentLedger.DayCounts(100, 4, 0), ledger.report(MONDAY).today());
    }
}
