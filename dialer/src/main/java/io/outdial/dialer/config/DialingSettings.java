package io.outdial.dialer.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import io.outdial.dialer.store.CallingHours;

/**
 * Dialing rules shared by every campaign ({@code dialing:} section).
 *
 * @param ringTimeout      how long a contact's phone may ring before the call is No Answer; never below 15 s
 *                         (ARCHITECTURE.md section 8: ring at least 15 s, four rings)
 * @param agentRingTimeout how long an agent's phone may ring before the agent is taken as not answering
 * @param defaultTimeZone  time zone of records imported without a {@code tz} column (calling hours are local)
 * @param logoutDelayLimit the longest a Logout waits while a call or record is being set up for the agent
 *                         (negotiated logout); 0 authorizes at once
 * @param defaultCallingHours the daily calling window (contact's local time) of records imported without
 *                         daily_from / daily_till; a record is only dialed inside its window
 * @param setupLatencyLimit progressive back-pressure: while a contact's answer-to-bridge time exceeds this, new dials
 *                         are rationed (halved each second over, grown again once under); 0 = never
 */
public record DialingSettings(Duration ringTimeout, Duration agentRingTimeout, ZoneId defaultTimeZone,
                              Duration logoutDelayLimit, CallingHours defaultCallingHours, Duration setupLatencyLimit) {

    public static final Duration DEFAULT_SETUP_LATENCY_LIMIT = Duration.ofSeconds(1);

    public DialingSettings(Duration ringTimeout, Duration agentRingTimeout, ZoneId defaultTimeZone,
                           Duration logoutDelayLimit, CallingHours defaultCallingHours) {
        this(ringTimeout, agentRingTimeout, defaultTimeZone, logoutDelayLimit, defaultCallingHours,
                DEFAULT_SETUP_LATENCY_LIMIT);
    }

    public static final Duration MIN_RING_TIMEOUT = Duration.ofSeconds(15);
    public static final DialingSettings DEFAULTS =
            new DialingSettings(Duration.ofSeconds(30), Duration.ofSeconds(20), ZoneId.of("UTC"), Duration.ofSeconds(30),
                    CallingHours.DEFAULT);

    static DialingSettings read(YamlSection s) {
        DialingSettings d = DEFAULTS;
        Duration ring = s.duration("ringTimeout", d.ringTimeout, MIN_RING_TIMEOUT, Duration.ofMinutes(5));
        Duration agentRing = s.duration("agentRingTimeout", d.agentRingTimeout, Duration.ofSeconds(1),
                Duration.ofMinutes(5));
        String zone = s.text("defaultTimeZone", d.defaultTimeZone.getId());
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw s.fail("defaultTimeZone", "must be an IANA time zone id such as UTC or America/New_York", zone);
        }
        Duration logoutDelay = s.duration("logoutDelayLimit", d.logoutDelayLimit, Duration.ZERO, Duration.ofMinutes(10));
        String window = s.text("defaultCallingHours", d.defaultCallingHours.toString());
        CallingHours hours;
        try {
            hours = CallingHours.parse(window);
        } catch (IllegalArgumentException e) {
            throw s.fail("defaultCallingHours", e.getMessage(), window);
        }
        Duration setupLimit = s.duration("setupLatencyLimit", d.setupLatencyLimit, Duration.ZERO, Duration.ofMinutes(1));
        s.refuseUnknownKeys();
        return new DialingSettings(ring, agentRing, zoneId, logoutDelay, hours, setupLimit);
    }
}
