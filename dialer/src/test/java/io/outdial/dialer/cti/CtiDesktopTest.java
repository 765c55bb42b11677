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
import io.outdial.dialer.refusal.Refused;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    void everyRefusalIsADocumentedCtiErrorCode() throws IOException, IllegalAccessException {
        Set<String> constants = new HashSet<>();
        for (Field f : CtiErrorCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        String protocol = Files.readString(Path.of("..", "docs", "cti-protocol.md"));
        String errors = protocol.substring(protocol.indexOf("\n## Errors\n"));
        errors = errors.substring(0, errors.indexOf("\n## ", 1));
        assertTrue(errors.contains("| `NOT_ALLOWED` |"), "read the Errors table of docs/cti-protocol.md");
        List<String> undocumented = new ArrayList<>();
        for (Refused.Why why : Refused.Why.values()) {
            String code = CtiWire.code(why);
            if (!constants.contains(code) || !errors.contains("\n| `" + code + "` |")) {
                undocumented.add(why + " -> " + code);
            }
        }
        assertEquals(List.of(), undocumented, "refusal reasons whose CTI code is not a documented CtiErrorCodes");
        List<String> notInTable = new ArrayList<>();
        for (String code : constants) {
            if (!errors.contains("\n| `" + code + "` |")) {
                notInTable.add(code);
            }
        }
        assertEquals(List.of(), notInTable, "CtiErrorCodes missing from the Errors table of docs/cti-protocol.md");
    }

    @Test
    void aRefusalThrownAndARefusalToldAreTheSameError() {
        List<CtiEvent> sent = new ArrayList<>();
        AgentChannel channel = new AgentChannel() {
            @Override
            public void send(CtiEvent event) {
                sent.add(event);
            }

            @Override
            public void close(String reason) {
            }

            @Override
            public boolean isOpen() {
                return true;
            }
        };
        new CtiDesktop(channel).refused("r1", Refused.Why.RECORD_HIDDEN, "not yet");
        assertEquals(List.of(new CtiEvent.Error("r1", CtiErrorCodes.NOT_ALLOWED, "not yet")), sent);
        assertEquals(sent.get(0), CtiWire.error("r1", new Refused(Refused.Why.RECORD_HIDDEN, "not yet")));
        assertEquals(new CtiEvent.Error("r2", CtiErrorCodes.INVALID_RECORD_FIELD, "field 'plan' is read-only", null,
                "plan"), CtiWire.error("r2", new Refused(Refused.Why.BAD_RECORD_FIELD, "field 'plan' is read-only",
                "plan")));
        assertEquals(CtiErrorCodes.INVALID_CALLBACK,
                CtiWire.exception(new Refused(Refused.Why.BAD_CALLBACK, "past")).code());
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
        agent.desktop().refused("r1", Refused.Why.PHONE_FAILED, "no answer");
        channel.close(null);
        agent.moveTo(AgentState.READY, "Ready");
        assertEquals(List.of(new CtiEvent.AgentStateChanged(null, "agent1", "NotReady", "LoggedIn"),
                new CtiEvent.Error("r1", CtiErrorCodes.PHONE_FAILED, "no answer")), sent);
        agent.desktop(null);
        assertTrue(agent.desktop() == Desktop.NONE && !agent.hasDesktop());
    }

    @Test
    void onlyTheCtiPackageBuildsCtiEvents() throws IOException {
        assertEquals(List.of(), outsideCti(source -> source.contains("new CtiEvent.")),
                "CTI events built outside the cti package: tell agent.desktop() instead");
    }

    /** The domain refuses with {@code refusal.Refused}; only the cti package knows the CTI errors and their codes. */
    @Test
    void onlyTheCtiPackageThrowsCtiExceptions() throws IOException {
        assertEquals(List.of(), outsideCti(source -> source.contains("CtiException")
                || source.contains("CtiErrorCodes")), "CTI errors outside the cti package: throw refusal.Refused instead");
    }

    /** The wire's commands, events and desk are the cti package's: the domain takes plain values. */
    @Test
    void onlyTheCtiPackageUsesTheBridgesCtiTypes() throws IOException {
        assertEquals(List.of(), outsideCti(source -> source.contains("io.outdial.bridge.cti.")),
                "CTI protocol types outside the cti package");
    }

    /** The dialer's main sources outside the cti package whose text matches {@code offends}. */
    private static List<String> outsideCti(java.util.function.Predicate<String> offends) throws IOException {
        Path main = Path.of("src/main/java/io/outdial/dialer");
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !main.relativize(p).startsWith("cti"))
                    .filter(p -> offends.test(read(p)))
                    .map(p -> main.relativize(p).toString()).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
