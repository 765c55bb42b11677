package io.outdial.dialer.metrics;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegListener;
import io.outdial.sip.SipTraffic;
import io.outdial.sip.SipUserAgent;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.registrar.Registrations;
import io.outdial.sip.trunk.TrunkRegistration;
import java.time.Duration;
import java.time.Instant;

/**
 * The dialer's user agent, timing each leg from its dial to its answer ({@code outdial_call_setup_seconds}, by leg:
 * a contact through the trunk or an agent's phone) for every dialing mode at one place. Everything else is the
 * wrapped user agent's; the legs are its own, so bridging them works as before.
 */
public final class MeasuredUserAgent implements SipUserAgent {
    private final SipUserAgent ua;
    private final DialerMetrics metrics;
    private final Scheduler clock;

    public MeasuredUserAgent(SipUserAgent ua, DialerMetrics metrics, Scheduler clock) {
        this.ua = ua;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Leg dial(DialRequest request, CallExecutor executor, LegListener listener) {
        Instant dialed = clock.now();
        // Agents' phones are the legs whose media follows their signalling (DialRequest.agentPhone).
        String leg = request.mediaFromSignalling() ? "agent" : "contact";
        return ua.dial(request, executor, event -> {
            if (event instanceof LegEvent.Answered) {
                metrics.callSetup(leg, Duration.between(dialed, clock.now()));
            }
            listener.onEvent(event);
        });
    }

    @Override
    public Bridge bridge(Leg a, Leg b) {
        return ua.bridge(a, b);
    }

    @Override
    public int activeLegs() {
        return ua.activeLegs();
    }

    @Override
    public void close() {
        ua.close();
    }

    @Override
    public TrunkRegistration registerWithTrunk(TrunkConfig trunk) {
        return ua.registerWithTrunk(trunk);
    }

    @Override
    public Registrations registrations() {
        return ua.registrations();
    }

    @Override
    public long registerFailures() {
        return ua.registerFailures();
    }

    @Override
    public SipTraffic traffic() {
        return ua.traffic();
    }
}
