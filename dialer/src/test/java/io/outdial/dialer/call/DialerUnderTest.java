package io.outdial.dialer.call;

import io.outdial.bridge.admin.AdminApi.CampaignAction;
import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.dialer.Dialer;
import io.outdial.dialer.config.ConfigLoader;
import io.outdial.dialer.config.GatewayConfig;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.media.MediaEngine;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The whole dialer (every coordinator: dialing modes, preview desks, CTI desk, wrap-up) on scripted SIP legs, an
 * in-memory H2 store, executors that run each task at once on the test's thread, and virtual time. What a desktop
 * would see arrives in a {@link Desktop}'s event list, in order; time passes only when the test advances it.
 */
final class DialerUnderTest implements AutoCloseable {
    final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-02T10:00:00Z"));
    final ScriptedUserAgent ua = new ScriptedUserAgent();
    final CallingListStore store;
    final Dialer dialer;

    /** {@code agentsYaml} and {@code campaignsYaml} are the list items of the configuration's agents and campaigns. */
    DialerUnderTest(String agentsYaml, String campaignsYaml) {
        this(agentsYaml, campaignsYaml, "", new NoMedia());
    }

    /**
     * As {@link #DialerUnderTest(String, String)}, with {@code moreYaml} (further top-level sections, such as
     * {@code recording:}) and {@code media} in place of {@link NoMedia}.
     */
    DialerUnderTest(String agentsYaml, String campaignsYaml, String moreYaml, MediaEngine media) {
        String yaml = """
                trunk:
                  host: 127.0.0.1
                  port: 5070
                  callerId: "18005550100"
                database:
                  url: "jdbc:h2:mem:unit-%s;DB_CLOSE_DELAY=-1"
                dialing:
                  ringTimeout: 15s
                  agentRingTimeout: 15s
                  defaultCallingHours: "00:00-24:00"
                agents:
                %s
                campaigns:
                %s
                %s
                """.formatted(UUID.randomUUID(), agentsYaml, campaignsYaml, moreYaml);
        GatewayConfig config;
        try {
            config = ConfigLoader.parse(yaml, Files.createTempDirectory("outdial-unit"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.store = CallingListStore.open(config.database().url(), config.database().user(),
                config.database().password(), 2, config.dialing().defaultTimeZone(),
                config.dialing().defaultCallingHours());
        this.dialer = new Dialer(config, store, media, ua, Runnable::run, Runnable::run, clock);
    }

    /** Imports {@code csv} into {@code campaign}'s list, then loads and starts it, as a supervisor does. */
    void uploadAndStart(String campaign, String csv) {
        store.importCsv(campaign, new StringReader(csv));
        onDialer(() -> {
            dialer.campaigns().apply(campaign, CampaignAction.LOAD);
            dialer.campaigns().apply(campaign, CampaignAction.START);
        });
    }

    void onDialer(Runnable work) {
        dialer.executor().execute(work);
    }

    /** Logs {@code agent} in from a new desktop; the desktop holds every event it receives. */
    Desktop login(String agent, String secret) {
        Desktop desk = new Desktop(agent);
        desk.send(dialer.desk().login(new CtiCommand.Login("login", agent, secret, null), desk).join());
        return desk;
    }

    ScriptedLeg leg(int n) {
        return ua.legs.get(n);
    }

    /** {@code campaign}'s record of {@code phone}, as stored now; fails naming the list if there is none. */
    CallingRecord record(String campaign, String phone) {
        List<CallingRecord> all = store.records(campaign);
        return all.stream().filter(r -> r.contactInfo().equals(phone)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + phone + " in " + all));
    }

    @Override
    public void close() {
        store.close();
    }

    /** One agent's desktop: sends commands to the CTI desk and records what it is sent. */
    final class Desktop implements AgentChannel {
        final String agent;
        final List<CtiEvent> events = new ArrayList<>();
        /** The virtual time each event of {@link #events} arrived at. */
        final List<Instant> at = new ArrayList<>();
        boolean open = true;

        Desktop(String agent) {
            this.agent = agent;
        }

        void send(CtiCommand command) {
            dialer.desk().command(agent, command, this);
        }

        @Override
        public void send(CtiEvent event) {
            events.add(event);
            at.add(clock.now());
        }

        /** When the last event of {@code type} arrived (virtual time). */
        Instant lastAt(Class<? extends CtiEvent> type) {
            return at.get(events.lastIndexOf(last(type)));
        }

        @Override
        public void close(String reason) {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        /** The simple names of the event types received, in order. */
        List<String> types() {
            return events.stream().map(e -> e.getClass().getSimpleName()).toList();
        }

        /** The last event of {@code type}; fails naming what arrived if there is none. */
        <E extends CtiEvent> E last(Class<E> type) {
            for (int i = events.size() - 1; i >= 0; i--) {
                if (type.isInstance(events.get(i))) {
                    return type.cast(events.get(i));
                }
            }
            throw new AssertionError("no " + type.getSimpleName() + "; received " + types());
        }

        /** The code of the last Error received, which must answer {@code requestId}. */
        String errorCode(String requestId) {
            CtiEvent.Error e = last(CtiEvent.Error.class);
            if (!requestId.equals(e.requestId())) {
                throw new AssertionError("the last error answers " + e.requestId() + ", not " + requestId + ": " + e);
            }
            return e.code();
        }

        boolean received(Predicate<CtiEvent> which) {
            return events.stream().anyMatch(which);
        }
    }
}
