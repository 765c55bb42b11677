package io.outdial.dialer.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.CampaignPlan;
import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.config.DialingMode;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.record.CallResult;
import io.outdial.media.detect.AmdCause;
import io.outdial.media.detect.AmdOutcome;
import io.outdial.media.detect.Detection;
import io.outdial.sip.DialRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one observer of paced calls, in virtual time: each milestone is hopped to the dialer executor (nothing is asked
 * before it runs there), with the time it happened on the call, and asked of the policy that placed the call (its
 * {@link PacedCall}'s) and of no other; a call no longer in the registry is nobody's.
 */
class CallMilestonesTest {
    private final VirtualScheduler clock = new VirtualScheduler(Instant.EPOCH);
    /** The dialer's tasks wait here until {@link #runDialer}: the hop is seen. */
    private final Deque<Runnable> dialerTasks = new ArrayDeque<>();
    private final CallExecutor dialer = new CallExecutor("dialer", dialerTasks::add, clock);
    private final CallExecutor callExecutor = new CallExecutor("call", Runnable::run, clock);
    private final ScriptedUserAgent ua = new ScriptedUserAgent();
    private final DialerMetrics metrics = new DialerMetrics(new AgentRoster(List.of()), new NoMedia(), ua);
    private final Assignments assignments = new Assignments();
    private final CallMilestones milestones = new CallMilestones(dialer, metrics, assignments);
    private final Campaign campaign = new Campaign(CampaignPlan.builder("c", DialingMode.PROGRESSIVE)
            .agents(List.of("a1")).build());
    private final Recording owner = new Recording();
    private final Recording other = new Recording();

    @AfterEach
    void close() {
        metrics.close();
    }

    private void runDialer() {
        while (!dialerTasks.isEmpty()) {
            dialerTasks.poll().run();
        }
    }

    private CampaignCall contactCall(String id, CampaignCall.Observer observer) {
        return new CampaignCall(id, callExecutor, ua, CampaignCallFixtures.contact("2005550199"), null, observer,
                DetectionSettings.DEFAULTS, null, null);
    }

    private Paced registered(CampaignCall call, ModePolicy policy) {
        Paced state = new Paced(call.id(), campaign, policy, new Interaction(call.id(), "c", null));
        assignments.add(call.id(), InteractionIds.Owner.PROGRESSIVE, "c", call, state);
        return state;
    }

    private static CallOutcome outcome() {
        return new CallOutcome(CallResult.ANSWER, true, true, false, CallOutcome.NO_MEDIA, CallOutcome.NO_MEDIA);
    }

    @Test
    void aContactCallsMilestonesAreAskedOfItsOwnPolicyOnTheDialerExecutorInTheirOrder() {
        CampaignCall.Observer observer = milestones.contactCalls();
        CampaignCall mine = contactCall("ix-1", observer);
        CampaignCall theirs = contactCall("ix-2", observer);
        registered(mine, owner);
        registered(theirs, other);

        observer.contactAnswered(mine);
        clock.advance(Duration.ofSeconds(1));
        observer.contactCleared(mine, null);
        observer.agentRinging(mine);
        clock.advance(Duration.ofSeconds(1));
        observer.connected(mine);
        observer.contactGone(mine);
        observer.finished(mine, outcome());
        assertEquals(List.of(), owner.heard, "asked on the dialer executor only");
        clock.advance(Duration.ofSeconds(5));
        runDialer();

        assertEquals(List.of("answered ix-1 ix-1 PICKED_UP at 0", "answered ix-1 ix-1 CLEARED at 1",
                "answered ix-1 ix-1 AGENT_RINGING at 1", "answered ix-1 ix-1 BRIDGED at 2", "contactGone ix-1 at 2",
                "ended ix-1 ix-1 ANSWER"), owner.heard, "in the call's order, timed when they happened");
        assertEquals(List.of(), other.heard, "another call's policy hears nothing of it");

        observer.agentRinging(theirs);
        runDialer();
        assertEquals(List.of("answered ix-2 ix-2 AGENT_RINGING at 7"), other.heard);
        assertEquals(6, owner.heard.size());
    }

    @Test
    void anEngagedLinesMilestonesAreAskedOfItsPolicyWithTheContactTheyConcern() {
        EngagingCall.Observer observer = milestones.engagingCalls();
        DialRequest agentPhone = CampaignCallFixtures.agentPhone("sip:agent1@127.0.0.1:5081", "2005550101", "vip");
        EngagingCall line = new EngagingCall("ac-1", callExecutor, ua, agentPhone, null, null, observer);
        EngagingCall otherLine = new EngagingCall("ac-2", callExecutor, ua, agentPhone, null, null, observer);
        assignments.addLine(line.id(), InteractionIds.Owner.ENGAGED, "c", new Paced("ac-1", campaign, owner, null));
        assignments.addLine(otherLine.id(), InteractionIds.Owner.ENGAGED, "c",
                new Paced("ac-2", campaign, other, null));
        CampaignCall contact = contactCall("ix-3", line.contactObserver());

        observer.engaged(line);
        observer.contactAnswered(line, contact);
        observer.contactCleared(line, contact, null);
        observer.contactConnected(line, contact);
        observer.contactFinished(line, contact, outcome());
        observer.finished(line, EngagingCall.End.CALL_FINISHED);
        assertEquals(List.of(), owner.heard, "asked on the dialer executor only");
        runDialer();

        assertEquals(List.of("lineEngaged ac-1", "answered ac-1 ix-3 PICKED_UP at 0",
                "answered ac-1 ix-3 CLEARED at 0", "answered ac-1 ix-3 BRIDGED at 0", "ended ac-1 ix-3 ANSWER",
                "lineEnded ac-1 CALL_FINISHED"), owner.heard);
        assertEquals(List.of(), other.heard, "another line's policy hears nothing of it");
    }

    @Test
    void aVerdictIsToldToTheContactsInteractionAndOnlyAMachineToItsPolicy() {
        CampaignCall.Observer observer = milestones.contactCalls();
        CampaignCall machine = contactCall("ix-4", observer);
        CampaignCall person = contactCall("ix-5", observer);
        Paced machineState = registered(machine, owner);
        Paced personState = registered(person, other);
        Detection.AmdDecision isMachine = new Detection.AmdDecision(AmdOutcome.MACHINE, AmdCause.values()[0],
                Duration.ofSeconds(3), 9, Duration.ofSeconds(4));
        Detection.AmdDecision isPerson = new Detection.AmdDecision(AmdOutcome.HUMAN, AmdCause.values()[0],
                Duration.ofSeconds(1), 2, Duration.ofSeconds(3));

        observer.detected(machine, isMachine);
        observer.detected(person, isPerson);
        assertNull(machineState.shown().detected(), "told on the dialer executor only");
        runDialer();

        assertSame(isMachine, machineState.shown().detected());
        assertSame(isPerson, personState.shown().detected());
        assertEquals(List.of("machine ix-4 ix-4"), owner.heard);
        assertEquals(List.of(), other.heard, "a person is no policy's question");
    }

    @Test
    void aCallNoLongerRegisteredIsNobodys() {
        CampaignCall.Observer observer = milestones.contactCalls();
        CampaignCall call = contactCall("ix-6", observer);
        registered(call, owner);

        observer.finished(call, outcome());
        assignments.remove(call.id());
        runDialer();

        assertEquals(List.of(), owner.heard);
    }

    /** A paced call of a test policy. */
    private static final class Paced extends PacedCall implements Assignments.Handover {
        private final String name;
        private final Interaction shown;

        Paced(String name, Campaign campaign, ModePolicy policy, Interaction shown) {
            super(campaign, policy, () -> { });
            this.name = name;
            this.shown = shown;
        }

        @Override
        Agent agent() {
            return null;
        }

        @Override
        Interaction shown() {
            return shown;
        }

        @Override
        public boolean agentOnCall() {
            return false;
        }

        @Override
        public void transferred(Agent target, Interaction targetInteraction, boolean recordFollows) {
        }
    }

    /** A policy that writes down what it is asked about its calls. */
    private static final class Recording implements ModePolicy {
        final List<String> heard = new ArrayList<>();

        @Override
        public Set<DialingMode> dialingModes() {
            return Set.of();
        }

        @Override
        public void pace(Campaign campaign, Instant now) {
            heard.add("pace");
        }

        @Override
        public void answered(PacedCall call, CampaignCall contact, ContactAnswer answer, Instant at) {
            heard.add("answered " + ((Paced) call).name + " " + contact.id() + " " + answer + " at "
                    + at.getEpochSecond());
        }

        @Override
        public void ended(PacedCall call, CampaignCall contact, CallOutcome outcome) {
            heard.add("ended " + ((Paced) call).name + " " + contact.id() + " " + outcome.result());
        }

        @Override
        public void contactGone(PacedCall call, Instant at) {
            heard.add("contactGone " + ((Paced) call).name + " at " + at.getEpochSecond());
        }

        @Override
        public void machine(PacedCall call, CampaignCall contact) {
            heard.add("machine " + ((Paced) call).name + " " + contact.id());
        }

        @Override
        public void lineEngaged(PacedCall line) {
            heard.add("lineEngaged " + ((Paced) line).name);
        }

        @Override
        public void lineEnded(PacedCall line, EngagingCall.End end) {
            heard.add("lineEnded " + ((Paced) line).name + " " + end);
        }
    }
}
