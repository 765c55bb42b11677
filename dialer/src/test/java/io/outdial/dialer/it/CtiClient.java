package io.outdial.dialer.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.json.BridgeJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client speaking the CTI protocol, as an agent desktop would. */
final class CtiClient implements AutoCloseable {
    private static final ObjectWriter COMMANDS = BridgeJson.newMapper().writerFor(CtiCommand.class);

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final WebSocket socket;

    CtiClient(String url) {
        this(HttpClient.newHttpClient(), url);
    }

    /** Over {@code client} (a TLS context for wss://). */
    CtiClient(HttpClient client, String url) {
        this.socket = client.newWebSocketBuilder()
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                inbox.add(GatewayHarness.JSON.readTree(partial.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
    }

    /** Sends raw text: for malformed or hand-spelled JSON. */
    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Sends a command as a desktop spells it: the bridge's own JSON mapping, {@code type} first. */
    void send(CtiCommand command) {
        try {
            send(COMMANDS.writeValueAsString(command));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + command, e);
        }
    }

    /** The next event of {@code type}, skipping (but remembering) others. */
    JsonNode await(String type, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode e = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("no " + type + " within " + limit + "; seen: " + types());
            }
            seen.add(e);
            if (type.equals(e.path("type").asText())) {
                return e;
            }
        }
    }

    /** The next event of any of {@code types}, skipping (but remembering) others. */
    JsonNode awaitAny(Duration limit, String... types) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> wanted = List.of(types);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode e = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                throw new AssertionError("none of " + wanted + " within " + limit + "; seen: " + types());
            }
            seen.add(e);
            if (wanted.contains(e.path("type").asText())) {
                return e;
            }
        }
    }

    /** Types of every event consumed so far, in arrival order. */
    List<String> types() {
        return seen.stream().map(e -> e.path("type").asText()).toList();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
