package io.outdial.dialer.browserphone;

import io.outdial.core.exec.CallExecutor;
import io.outdial.media.MediaEngine;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dialer's user agent with browser phones: a dial to {@code browser:<agentId>} (the phone of an agent logged in
 * with {@code phone: "browser"}) becomes a {@link BrowserLeg} on that agent's session instead of an INVITE; a bridge
 * with a browser leg on either side relays through the media engine ({@link BrowserBridge}); everything else is the
 * SIP user agent's, untouched. The one seam that lets every dialing mode deliver calls to the browser.
 */
public final class BrowserPhoneUserAgent implements SipUserAgent {
    private final SipUserAgent sip;
    private final BrowserPhones phones;
    private final MediaEngine media;
    private final AtomicInteger legs = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    /** Bridges' hooks on SIP legs bridged to a browser leg, run when the SIP leg's final event passes. */
    private final Map<Leg, List<Runnable>> sipTerminations = new ConcurrentHashMap<>();

    public BrowserPhoneUserAgent(SipUserAgent sip, BrowserPhones phones, MediaEngine media) {
        this.sip = sip;
        this.phones = phones;
        this.media = media;
    }

    @Override
    public Leg dial(DialRequest request, CallExecutor executor, LegListener listener) {
        String agentId = BrowserPhones.agentOf(request.requestUri());
        if (agentId == null) {
            return sip.dial(request, executor, event -> {
                if (event instanceof LegEvent.Failed || event instanceof LegEvent.Ended) {
                    List<Runnable> hooks = sipTerminations.remove(event.leg());
                    if (hooks != null) {
                        hooks.forEach(Runnable::run);
                    }
                }
                listener.onEvent(event);
            });
        }
        BrowserPhoneSession session = phones.session(agentId);
        BrowserLeg leg = new BrowserLeg("browser-" + agentId + "-" + legs.incrementAndGet(), request.requestUri(),
                executor, session != null ? session : phones.absent(agentId), media, listener);
        active.incrementAndGet();
        leg.whenTerminated(active::decrementAndGet);
        leg.start();
        return leg;
    }

    @Override
    public Bridge bridge(Leg a, Leg b) {
        if (!(a instanceof BrowserLeg) && !(b instanceof BrowserLeg)) {
            return sip.bridge(a, b);
        }
        if (a == b) {
            throw new IllegalArgumentException("cannot bridge a leg to itself: " + a);
        }
        if (a.executor() != b.executor()) {
            throw new IllegalArgumentException("legs of one bridge must belong to one call (one executor)");
        }
        if (a.state() != io.outdial.sip.LegState.ANSWERED || b.state() != io.outdial.sip.LegState.ANSWERED) {
            throw new IllegalStateException("both legs must be answered to bridge: " + a + ", " + b);
        }
        return new BrowserBridge(a, b, media, this::whenTerminated);
    }

    private void whenTerminated(Leg leg, Runnable task) {
        if (leg instanceof BrowserLeg browser) {
            browser.whenTerminated(task);
        } else {
            sipTerminations.computeIfAbsent(leg, l -> new ArrayList<>()).add(task);
        }
    }

    /** SIP legs and browser legs not yet terminated. */
    @Override
    public int activeLegs() {
        return sip.activeLegs() + active.get();
    }

    @Override
    public void close() {
        sip.close();
    }

    @Override
    public TrunkRegistration registerWithTrunk(TrunkConfig trunk) {
        return sip.registerWithTrunk(trunk);
    }

    @Override
    public Registrations registrations() {
        return sip.registrations();
    }

    @Override
    public long registerFailures() {
        return sip.registerFailures();
    }

    @Override
    public SipTraffic traffic() {
        return sip.traffic();
    }
}
