package io.outdial.dialer.pacing;

import io.outdial.dialer.pacing.compliance.ComplianceSettings;
import java.time.Duration;

/**
 * How one campaign is paced: the method and its target, the compliance rules, the small-group threshold and the
 * priors the estimators start from before the campaign has produced data of its own.
 *
 * @param method what to optimize
 * @param target the method's target (lines per agent, abandonment rate, busy share or wait seconds)
 * @param compliance the abandonment rules; the engine never plans past them
 * @param smallGroupAgents below this many available agents the conservative small-group rule applies
 * @param connectWindow how long a live answer may wait for an agent before it is abandoned (2 s by the rules)
 * @param maxLinesPerAgent a hard ceiling on calls in flight per available agent, whatever the estimates say
 * @param priorAnswerRate live answers per dial assumed until the campaign has data
 * @param priorRingSeconds time from dial to a live answer assumed until the campaign has data
 * @param priorTalkSeconds mean talk time assumed until the campaign has data
 * @param priorWrapSeconds mean wrap-up time assumed until the campaign has data
 */
public record PacingSettings(PacingMethod method, double target, ComplianceSettings compliance, int smallGroupAgents,
        Duration connectWindow, double maxLinesPerAgent, double priorAnswerRate, double priorRingSeconds,
        double priorTalkSeconds, double priorWrapSeconds) {

    public PacingSettings {
        if (method == PacingMethod.PROGRESSIVE && target < 1) {
            throw new IllegalArgumentException("progressive lines per agent must be >= 1: " + target);
        }
        if (method == PacingMethod.ABANDONMENT_RATE && (target <= 0 || target > compliance.abandonLimit())) {
            throw new IllegalArgumentException("abandonment target must be in (0, limit]: " + target);
        }
        if (method == PacingMethod.BUSY_FACTOR && (target <= 0 || target >= 1)) {
            throw new IllegalArgumentException("busy factor target must be in (0,1): " + target);
        }
        if (method == PacingMethod.AGENT_WAIT && target <= 0) {
            throw new IllegalArgumentException("agent wait target must be > 0 seconds: " + target);
        }
        if (smallGroupAgents < 0 || maxLinesPerAgent < 1 || priorAnswerRate <= 0 || priorAnswerRate >= 1
                || priorRingSeconds <= 0 || priorTalkSeconds <= 0 || priorWrapSeconds <= 0
                || connectWindow.isNegative()) {
            throw new IllegalArgumentException("bad pacing settings: " + this);
        }
    }

    /** Predictive at 2 % abandonment (3 % limit), small groups under 15 agents, 2 s connect window. */
    public static PacingSettings predictive() {
        return new PacingSettings(PacingMethod.ABANDONMENT_RATE, 0.02, ComplianceSettings.defaults(), 15,
                Duration.ofSeconds(2), 10, 0.2, 10, 180, 30);
    }

    /** Progressive with {@code linesPerAgent} calls per free agent. */
    public static PacingSettings progressive(double linesPerAgent) {
        return predictive().with(PacingMethod.PROGRESSIVE, linesPerAgent);
    }

    /** These settings with another method and target. */
    public PacingSettings with(PacingMethod newMethod, double newTarget) {
        return new PacingSettings(newMethod, newTarget, compliance, smallGroupAgents, connectWindow, maxLinesPerAgent,
                priorAnswerRate, priorRingSeconds, priorTalkSeconds, priorWrapSeconds);
    }

    /** These settings with other compliance rules. */
    public PacingSettings with(ComplianceSettings newCompliance) {
        return new PacingSettings(method, target, newCompliance, smallGroupAgents, connectWindow, maxLinesPerAgent,
                priorAnswerRate, priorRingSeconds, priorTalkSeconds, priorWrapSeconds);
    }
}
