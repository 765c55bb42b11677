package io.outdial.dialer.call;

import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.config.DialingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every dialing mode's one policy, keyed by {@link DialingMode}, with the one policy that serves plans engaging their
 * agent first (ASM). Built once from the policies in pass order; refuses, at start-up, a mode with no policy or two,
 * and no or two agent-first policies. Immutable.
 */
final class ModePolicies {
    private final List<ModePolicy> inPassOrder;
    private final Map<DialingMode, ModePolicy> byMode;
    private final ModePolicy agentFirst;

    private ModePolicies(List<ModePolicy> inPassOrder, Map<DialingMode, ModePolicy> byMode, ModePolicy agentFirst) {
        this.inPassOrder = inPassOrder;
        this.byMode = byMode;
        this.agentFirst = agentFirst;
    }

    /**
     * The registry of {@code policies} (in the order a pass runs them).
     *
     * @throws IllegalStateException if a dialing mode has no policy or two, or agent-first plans have none or two
     */
    static ModePolicies of(List<ModePolicy> policies) {
        Map<DialingMode, ModePolicy> byMode = new EnumMap<>(DialingMode.class);
        ModePolicy agentFirst = null;
        for (ModePolicy policy : policies) {
            for (DialingMode mode : policy.dialingModes()) {
                ModePolicy before = byMode.putIfAbsent(mode, policy);
                if (before != null) {
                    throw new IllegalStateException("dialing mode " + mode + " has two policies: "
                            + name(before) + " and " + name(policy));
                }
            }
            if (policy.engagesAgentsFirst()) {
                if (agentFirst != null) {
                    throw new IllegalStateException("agent-first plans have two policies: " + name(agentFirst)
                            + " and " + name(policy));
                }
                agentFirst = policy;
            }
        }
        for (DialingMode mode : DialingMode.values()) {
            if (!byMode.containsKey(mode)) {
                throw new IllegalStateException("dialing mode " + mode + " has no policy");
            }
        }
        if (agentFirst == null) {
            throw new IllegalStateException("no policy serves plans that engage their agent first");
        }
        return new ModePolicies(List.copyOf(policies), byMode, agentFirst);
    }

    private static String name(ModePolicy policy) {
        return policy.getClass().getSimpleName();
    }

    /** The one policy of {@code plan}: the agent-first one if the plan engages its agent first, else its mode's. */
    ModePolicy policyOf(CampaignPlan plan) {
        return plan.engagesAgentFirst() ? agentFirst : byMode.get(plan.dialingMode());
    }

    /** The policy of {@code mode} (plans not engaging their agent first). */
    ModePolicy policyOf(DialingMode mode) {
        return byMode.get(mode);
    }

    /** Every policy, in the order a pacing pass runs them. */
    List<ModePolicy> inPassOrder() {
        return inPassOrder;
    }
}
