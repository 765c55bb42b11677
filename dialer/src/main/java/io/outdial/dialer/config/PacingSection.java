package io.outdial.dialer.config;

import io.outdial.dialer.pacing.PacingMethod;
import io.outdial.dialer.pacing.PacingSettings;
import io.outdial.dialer.pacing.compliance.ComplianceSettings;
import java.time.Duration;

/**
 * A predictive campaign's {@code pacing:} section, read into the engine's {@link PacingSettings}. Each method's target
 * has its own unit and range, checked here so that the message names the key; defaults are those of
 * {@link PacingSettings#predictive()} and {@link ComplianceSettings#defaults()}.
 */
final class PacingSection {
    /** The legal ceiling of the connect window: a live answer gets an agent or the message within 2 s. */
    static final Duration MAX_CONNECT_WINDOW = Duration.ofSeconds(2);

    private PacingSection() {
    }

    static PacingSettings read(YamlSection s) {
        PacingSettings d = PacingSettings.predictive();
        ComplianceSettings dc = d.compliance();
        PacingMethod method = s.oneOf("method", d.method(), PacingMethod.values());
        double abandonLimit = s.decimal("abandonLimit", dc.abandonLimit(), 0.001, 0.5);
        int windowDays = s.integer("abandonWindowDays", dc.windowDays(), 1, 90);
        double amdFalsePositives = s.decimal("amdFalsePositiveRate", dc.amdFalsePositiveRate(), 0, 0.5);
        boolean countAmd = s.flag("countAmdFalsePositives", dc.countAmdFalsePositives());
        Duration noRedial = s.duration("noRedialAfterAbandon", dc.noRedialAfterAbandon(), Duration.ZERO,
                Duration.ofDays(30));
        int smallGroup = s.integer("smallGroupAgents", d.smallGroupAgents(), 0, 1000);
        Duration connectWindow = s.duration("connectWindow", d.connectWindow(), Duration.ofMillis(500),
                MAX_CONNECT_WINDOW);
        double maxLines = s.decimal("maxLinesPerAgent", d.maxLinesPerAgent(), 1, 50);
        double priorAnswerRate = s.decimal("priorAnswerRate", d.priorAnswerRate(), 0.01, 0.99);
        Duration priorRing = s.duration("priorRingTime", seconds(d.priorRingSeconds()), Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        Duration priorTalk = s.duration("priorTalkTime", seconds(d.priorTalkSeconds()), Duration.ofSeconds(1),
                Duration.ofHours(4));
        Duration priorWrap = s.duration("priorWrapUp", seconds(d.priorWrapSeconds()), Duration.ofSeconds(1),
                Duration.ofHours(1));
        double target = readTarget(s, method, abandonLimit, maxLines);
        s.refuseUnknownKeys();
        ComplianceSettings compliance = new ComplianceSettings(abandonLimit, windowDays, amdFalsePositives, countAmd,
                noRedial);
        return new PacingSettings(method, target, compliance, smallGroup, connectWindow, maxLines, priorAnswerRate,
                priorRing.toMillis() / 1e3, priorTalk.toMillis() / 1e3, priorWrap.toMillis() / 1e3);
    }

    /** The target in the method's unit: a share of live answers, a share of time, seconds, or lines per agent. */
    private static double readTarget(YamlSection s, PacingMethod method, double abandonLimit, double maxLines) {
        return switch (method) {
            case ABANDONMENT_RATE -> {
                double target = s.decimal("target", Math.min(0.02, abandonLimit), 0.0001, 0.5);
                if (target > abandonLimit) {
                    throw s.fail("target", "must not be above abandonLimit (" + abandonLimit
                            + ") for method abandonment_rate", target);
                }
                yield target;
            }
            case BUSY_FACTOR -> s.decimal("target", 0.85, 0.01, 0.99);
            case AGENT_WAIT -> s.decimal("target", 10, 0.5, 3600);
            case PROGRESSIVE -> {
                double target = s.decimal("target", 1, 1, 50);
                if (target > maxLines) {
                    throw s.fail("target", "must not be above maxLinesPerAgent (" + maxLines
                            + ") for method progressive", target);
                }
                yield target;
            }
        };
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
