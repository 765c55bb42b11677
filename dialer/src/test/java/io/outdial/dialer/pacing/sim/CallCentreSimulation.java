package io.outdial.dialer.pacing.sim;

import io.outdial.dialer.pacing.PacingEngine;
import io.outdial.dialer.pacing.PacingSettings;
import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of one campaign driving the real {@link PacingEngine} in virtual time: simulated agents
 * log in, take calls, wrap up, take breaks and log out; simulated contacts answer live, by machine, fail or ring out.
 * The simulation plays the dialer: it reports every event to the engine, asks it for a decision after each event and
 * every second, connects live answers to the longest-waiting agent, and abandons those with no agent in 2 s.
 */
public final class CallCentreSimulation {
    private static final String CAMPAIGN = "sim";
    private static final Instant FIRST_DAY = Instant.parse("2025-03-03T08:00:00Z");
    private static final double CONNECT_WINDOW = 2;

    /** A simulated agent and the clock of its day. */
    private static final class SimAgent {
        final String id;
        boolean loggedIn;
        boolean onBreak;
        boolean breakDue;
        boolean ready;
        double readySince;
        double phaseSince;
        double breakLength;
        final List<double[]> breaks = new ArrayList<>();

        SimAgent(String id) {
            this.id = id;
        }
    }

    /** A live answer waiting for an agent. */
    private record Waiting(String callId, double answeredAt) { }

    private final Scenario scenario;
    private final PacingSettings settings;
    private final VirtualScheduler clock = new VirtualScheduler(FIRST_DAY);
    private final PacingEngine engine = new PacingEngine(ZoneOffset.UTC);
    private final SplittableRandom random;
    private final List<SimAgent> agents = new ArrayList<>();
    private final ArrayDeque<SimAgent> readyQueue = new ArrayDeque<>();
    private final ArrayDeque<Waiting> waitingCalls = new ArrayDeque<>();
    private long callIds;
    private int inFlight;
    private boolean dialing;
    private double shiftEnd;
    // Measurements.
    private double available;
    private double busy;
    private double waited;
    private long connects;
    private long dials;
    private long live;
    private long abandoned;
    private long machines;
    private long dayLive;
    private long dayAbandoned;
    private double worstDay;

    public CallCentreSimulation(Scenario scenario, PacingSettings settings) {
        this.scenario = scenario;
        this.settings = settings;
        this.random = new SplittableRandom(scenario.seed());
        engine.campaign(CAMPAIGN, settings);
        for (int i = 0; i < scenario.agents(); i++) {
            agents.add(new SimAgent("a" + i));
        }
    }

    /** Runs every day of the scenario and returns what was measured. */
    public SimulationResult run() {
        for (int d = 0; d < scenario.days(); d++) {
            startDay();
            clock.advance(Duration.ofHours(24));
            endDay();
        }
        return new SimulationResult(available / 3600, busy / 3600, waited / 3600, connects, dials, live, abandoned,
                machines, worstDay);
    }

    private double now() {
        Instant t = clock.now();
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    private Instant instant() {
        return clock.now();
    }

    private void at(double delaySeconds, Runnable task) {
        clock.schedule(Duration.ofNanos((long) (Math.max(0, delaySeconds) * 1e9)), task);
    }

    private void startDay() {
        dayLive = 0;
        dayAbandoned = 0;
        dialing = true;
        shiftEnd = now() + scenario.shiftHours() * 3600;
        for (SimAgent a : agents) {
            at(random.nextDouble() * 300, () -> logIn(a));
            a.breaks.clear();
            if (scenario.breaks()) {
                double h = 3600;
                a.breaks.add(new double[] {now() + 2 * h + (random.nextDouble() - 0.5) * h, 900});
                a.breaks.add(new double[] {now() + 4 * h + (random.nextDouble() - 0.5) * h, 1800});
                a.breaks.add(new double[] {now() + 6 * h + (random.nextDouble() - 0.5) * h, 900});
                for (double[] b : a.breaks) {
                    at(b[0] - now(), () -> breakDue(a, b[1]));
                }
            }
        }
        at(scenario.shiftHours() * 3600, () -> {
            dialing = false;
            releaseIdleAgentsAfterShift();
        });
        tick();
    }

    private void endDay() {
        if (dayLive > 0) {
            worstDay = Math.max(worstDay, (double) dayAbandoned / dayLive);
        }
    }

    private void tick() {
        if (!dialing) {
            return;
        }
        pace();
        at(1, this::tick);
    }

    private void pace() {
        if (!dialing) {
            return;
        }
        int n = engine.decide(CAMPAIGN, instant()).dialNow();
        for (int i = 0; i < n; i++) {
            dial();
        }
    }

    // ---- agents -------------------------------------------------------------------------------------------------

    private void logIn(SimAgent a) {
        if (a.loggedIn) {
            throw new IllegalStateException(a.id + " still logged in from the day before");
        }
        a.loggedIn = true;
        a.phaseSince = now();
        engine.agentLoggedIn(a.id, CAMPAIGN, instant());
        engine.agentReady(a.id, instant());
        becomeReady(a);
    }

    private void breakDue(SimAgent a, double length) {
        a.breakDue = true;
        a.breakLength = length;
        // A Ready agent whose line a call in flight may be counting on finishes that call first, as a dialer that
        // reserves agents would make it: without this, one line per free agent could abandon.
        if (a.ready && inFlight + waitingCalls.size() < readyQueue.size()) {
            readyQueue.remove(a);
            a.ready = false;
            waited += now() - a.readySince;
            startBreak(a);
        } else if (!a.ready && a.loggedIn && !a.onBreak) {
            engine.agentLeavingAfterCall(a.id, instant());
        }
    }

    private void startBreak(SimAgent a) {
        a.breakDue = false;
        a.onBreak = true;
        available += now() - a.phaseSince;
        engine.agentNotReady(a.id, instant());
        pace();
        at(a.breakLength, () -> {
            a.onBreak = false;
            a.phaseSince = now();
            engine.agentReady(a.id, instant());
            becomeReady(a);
        });
    }

    /** The agent is free: it takes a waiting answer, goes on a due break, logs out after the shift, or waits. */
    private void becomeReady(SimAgent a) {
        if (!dialing && inFlight == 0 && waitingCalls.isEmpty()) {
            logOut(a);
            return;
        }
        if (a.breakDue && dialing) {
            startBreak(a);
            return;
        }
        Waiting w = waitingCalls.poll();
        a.readySince = now();
        if (w != null) {
            connect(w.callId, a);
        } else {
            a.ready = true;
            readyQueue.add(a);
            pace();
        }
    }

    private void logOut(SimAgent a) {
        available += now() - a.phaseSince;
        a.loggedIn = false;
        a.breakDue = false;
        engine.agentLoggedOut(a.id, instant());
    }

    private void connect(String callId, SimAgent a) {
        waited += now() - a.readySince;
        connects++;
        double startedTalk = now();
        engine.callConnected(callId, a.id, instant());
        double talk = scenario.talk().sample(random);
        at(talk, () -> {
            engine.agentReleased(a.id, instant());
            pace();
            double wrap = scenario.wrap().sample(random);
            at(wrap, () -> {
                busy += now() - startedTalk;
                if (a.breakDue && dialing) {
                    startBreak(a);
                } else if (!dialing && inFlight == 0 && waitingCalls.isEmpty()) {
                    logOut(a);
                } else {
                    engine.wrapUpDone(a.id, instant());
                    becomeReady(a);
                }
            });
        });
    }

    private void releaseIdleAgentsAfterShift() {
        if (dialing || inFlight > 0 || !waitingCalls.isEmpty()) {
            return;
        }
        for (Iterator<SimAgent> it = readyQueue.iterator(); it.hasNext(); ) {
            SimAgent a = it.next();
            it.remove();
            a.ready = false;
            waited += now() - a.readySince;
            logOut(a);
        }
    }

    // ---- contacts -----------------------------------------------------------------------------------------------

    private void dial() {
        String id = "c" + (++callIds);
        dials++;
        inFlight++;
        engine.callDialed(id, CAMPAIGN, instant());
        double u = random.nextDouble();
        if (u < scenario.liveRate()) {
            at(ringTime(), () -> answeredLive(id));
        } else if (u < scenario.liveRate() + scenario.machineRate()) {
            at(ringTime() + scenario.amdSeconds(), () -> {
                machines++;
                engine.callMachineDetected(id, instant());
                callOver();
            });
        } else if (u < scenario.liveRate() + scenario.machineRate() + scenario.busyRate()) {
            at(1 + 3 * random.nextDouble(), () -> failed(id));
        } else {
            at(scenario.ringTimeout(), () -> failed(id));
        }
    }

    private double ringTime() {
        // Answers come before the ring timeout, or they would be no-answers.
        for (int i = 0; i < 20; i++) {
            double t = scenario.liveRing().sample(random);
            if (t < scenario.ringTimeout() - 0.5) {
                return t;
            }
        }
        return scenario.ringTimeout() - 0.5;
    }

    private void failed(String id) {
        engine.callFailed(id, instant());
        callOver();
    }

    private void callOver() {
        inFlight--;
        releaseIdleAgentsAfterShift();
        pace();
    }

    private void answeredLive(String id) {
        inFlight--;
        live++;
        dayLive++;
        engine.callAnsweredLive(id, instant());
        SimAgent a = readyQueue.poll();
        if (a != null) {
            a.ready = false;
            connect(id, a);
            releaseIdleAgentsAfterShift();
            pace();
            return;
        }
        Waiting w = new Waiting(id, now());
        waitingCalls.add(w);
        at(CONNECT_WINDOW, () -> {
            if (waitingCalls.remove(w)) {
                abandoned++;
                dayAbandoned++;
                engine.callAbandoned(id, instant());
                releaseIdleAgentsAfterShift();
                pace();
            }
        });
    }
}
