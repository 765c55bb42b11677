package io.outdial.dialer.desk;

import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignState;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.wrapup.AbsentAgentRule;
import io.outdial.dialer.wrapup.CallbackRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link #EVERY}, on the dialer executor: due personal callbacks of campaigns whose {@code absentAgent} rule is
 * {@code campaign} or {@code missed} are checked against their agent's presence ({@link AbsentAgentRule}); the
 * store reads and writes run on the database pool.
 */
public final class CallbackSweep {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackSweep.class);
    /** How often due personal callbacks are looked at. */
    public static final Duration EVERY = Duration.ofSeconds(1);

    private final CallExecutor dialer;
    private final Scheduler clock;
    private final StoreAccess store;
    private final AgentRoster roster;
    private final Campaigns campaigns;
    private final Consumer<Campaign> listChanged;
    private Cancellable next;
    private boolean sweeping;
    private boolean stopped;

    /**
     * @param dialer      the dialer executor, which the sweep runs on
     * @param clock       the dialer's clock (virtual in tests)
     * @param listChanged told when a callback is handed to a campaign (pacing looks at its list again)
     */
    public CallbackSweep(CallExecutor dialer, Scheduler clock, StoreAccess store, AgentRoster roster,
                         Campaigns campaigns, Consumer<Campaign> listChanged) {
        this.dialer = dialer;
        this.clock = clock;
        this.store = store;
        this.roster = roster;
        this.campaigns = campaigns;
        this.listChanged = listChanged;
    }

    /** Starts sweeping (dialer executor). Nothing is scheduled when no campaign has a rule to apply. */
    public void start() {
        boolean any = campaigns.all().stream()
                .anyMatch(c -> c.plan().work().callbacks().absentAgent() != CallbackRules.AbsentAgent.WAIT);
        if (any) {
            schedule();
        }
    }

    /** Stops sweeping (dialer executor). */
    public void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    private void schedule() {
        if (!stopped) {
            next = dialer.schedule(EVERY, this::sweep);
        }
    }

    /** One sweep over every running or loaded campaign with an absent-agent rule. Dialer executor. */
    void sweep() {
        if (sweeping || stopped) {
            schedule();
            return;
        }
        Instant now = clock.now();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Campaign campaign : campaigns.all()) {
            CallbackRules rules = campaign.plan().work().callbacks();
            if (rules.absentAgent() == CallbackRules.AbsentAgent.WAIT
                    || campaign.state() == CampaignState.UNLOADED) {
                continue;
            }
            Instant dueBy = now.minus(rules.grace());
            all.add(store.query(s -> s.personalCallbacks().duePersonalCallbacks(campaign.name(), dueBy))
                    .thenComposeAsync(due -> apply(campaign, rules, due, now), dialer));
        }
        sweeping = true;
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .whenCompleteAsync(Continuations.logged("CallbackSweep.sweep", (ok, error) -> {
            if (error != null) {
                LOG.warn("callback sweep failed; trying again in {}", EVERY, error);
            }
            sweeping = false;
            schedule();
        }), dialer);
    }

    private CompletableFuture<Void> apply(Campaign campaign, CallbackRules rules, List<CallingRecord> due,
                                          Instant now) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (CallingRecord r : due) {
            AbsentAgentRule.Verdict verdict = AbsentAgentRule.decide(rules, r.dialSchedTime(), now,
                    present(r.agentId(), campaign));
            if (verdict == AbsentAgentRule.Verdict.HAND_TO_CAMPAIGN) {
                writes.add(store.query(s -> s.personalCallbacks().handToCampaign(r.recordId()))
                        .thenAcceptAsync(done -> {
                            if (done) {
                                LOG.info("campaign {}: personal callback {} of absent agent {} handed to the campaign",
                                        campaign.name(), r.recordId(), r.agentId());
                                listChanged.accept(campaign);
                            }
                        }, dialer));
            } else if (verdict == AbsentAgentRule.Verdict.MISS) {
                String note = "Missed CallBack: agent " + r.agentId() + " was absent " + rules.grace()
                        + " after the callback time " + r.dialSchedTime();
                writes.add(store.update(s -> {
                    if (s.personalCallbacks().missCallback(r.recordId(), "missed-" + r.recordId(), note)) {
                        LOG.info("campaign {}: personal callback {} missed: {}", campaign.name(), r.recordId(), note);
                    }
                }));
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** The agent is logged in and works on the campaign. */
    private boolean present(String agentId, Campaign campaign) {
        Agent agent = agentId == null ? null : roster.find(agentId).orElse(null);
        return agent != null && agent.state() != AgentState.LOGGED_OUT
                && campaign.plan().agentIds().contains(agentId);
    }
}
