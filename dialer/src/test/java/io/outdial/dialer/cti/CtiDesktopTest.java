package io.outdial.dialer.cti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentProfile;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.Desktop;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The desktop notifier's CTI implementation: complete, faithful to the error codes, and the only event builder. */
class CtiDesktopTest {

    @Test
    void everyNoticeOfTheDesktopBecomesACtiEvent() throws NoSuchMethodException {
        List<String> missing = new ArrayList<>();
        for (Method m : Desktop.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method impl = CtiDesktop.class.getMethod(m.getName(), m.getParameterTypes());
            if (impl.getDeclaringClass() != CtiDesktop.class) {
                missing.add(m.getName());
            }
        }
        assertEquals(List.of(), missing, "Desktop notices the CTI desktop would drop silently");
    }

    @Test
    void everyRefusalIsADocumentedCtiErrorCode() throws ReflectiveOperationException {
        for (Desktop.Refusal r : Desktop.Refusal.values()) {
            assertEquals(CtiErrorCodes.class.getField(r.name()).get(null), CtiDesktop.code(r), r.name());
        }
    }

    @Test
    void noticesReachTheChannelWhileItIsOpenAndNothingAfter() {
        List<CtiEvent> sent = new ArrayList<>();
        boolean[] open = {true};
        AgentChannel channel = new AgentChannel() {
            @Override
            public void send(CtiEvent event) {
                sent.add(event);
            }

            @Override
            public void close(String reason) {
                open[0] = false;
            }

            @Override
            public boolean isOpen() {
                return open[0];
            }
        };
        Agent agent = new Agent(new AgentProfile("agent1", "s", null, false, Duration.ZERO));
        agent.desktop(new CtiDesktop(channel));
        agent.moveTo(AgentState.NOT_READY, "LoggedIn");
        agent.desktop().refused("r1", Desktop.Refusal.PHONE_FAILED, "no answer");
        channel.close(null);
        agent.moveTo(AgentState.READY, "Ready");
        assertEquals(List.of(new CtiEvent.AgentStateChanged(null, "agent1", "NotReady", "LoggedIn"),
                new CtiEvent.Error("r1", CtiErrorCodes.PHONE_FAILED, "no answer")), sent);
        agent.desktop(null);
        assertTrue(agent.desktop() == Desktop.NONE && !agent.hasDesktop());
    }

    @Test
    void onlyTheCtiPackageBuildsCtiEvents() throws IOException {
        Path main = Path.of("src/main/java/io/outdial/dialer");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !main.relativize(p).startsWith("cti"))
                    .filter(p -> read(p).contains("new CtiEvent."))
                    .map(p -> main.relativize(p).toString()).toList();
        }
        assertEquals(List.of(), offenders, "CTI events built outside the cti package: tell agent.desktop() instead");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
