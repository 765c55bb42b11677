package io.outdial.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A desktop for tests: a real java.net.http WebSocket that queues what the gateway sends. */
final class CtiClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final AtomicInteger pings = new AtomicInteger();
    final BlockingQueue<Integer> pingCounts = new LinkedBlockingQueue<>();
    private WebSocket ws;

    static CtiClient connect(HttpClient http, int port) throws Exception {
        CtiClient client = new CtiClient();
        client.ws = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/cti"), client)
                .get(5, TimeUnit.SECONDS);
        return client;
    }

    void send(String text) throws Exception {
        ws.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    void sendBinary(byte[] bytes) throws Exception {
        ws.sendBinary(ByteBuffer.wrap(bytes), true).get(5, TimeUnit.SECONDS);
    }

    void sendClose() throws Exception {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    /** The next message from the gateway, waiting up to 5 s. */
    JsonNode next() throws Exception {
        String text = messages.poll(5, TimeUnit.SECONDS);
        if (text == null) {
            throw new AssertionError("no message within 5 s");
        }
        return JSON.readTree(text);
    }

    /** The close status the gateway sent, waiting up to 5 s. */
    int awaitClose() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }

    boolean hasUnread() {
        return !messages.isEmpty();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pingCounts.add(pings.incrementAndGet());
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (ws != null && !ws.isInputClosed()) {
            ws.abort();
        }
    }
}
