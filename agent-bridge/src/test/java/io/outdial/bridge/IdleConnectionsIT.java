package io.outdial.bridge;

import static io.outdial.bridge.fakes.RecordingDesk.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.fakes.RecordingAdmin;
import io.outdial.bridge.fakes.RecordingDesk;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quiet connections on a server with short timeouts: pings every 100 ms, closed after 400 ms of silence. */
class IdleConnectionsIT {
    private final RecordingDesk desk = new RecordingDesk();
    private AgentBridgeServer server;

    @BeforeEach
    void start() {
        server = AgentBridgeServer.start(new BridgeConfig("127.0.0.1", 0, 1024, Duration.ofMillis(100),
                Duration.ofMillis(400)), desk, new RecordingAdmin(), () -> "");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void silentConnectionIsClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            assertEquals(-1, in.read(), "closed by the gateway, well before the 5 s read timeout");
        }
    }

    @Test
    void liveDesktopIsPingedAndAnsweringPongsKeepsItConnected() throws Exception {
        try (CtiClient client = CtiClient.connect(HttpClient.newHttpClient(), server.port())) {
            client.send("{\"type\":\"Login\",\"agentId\":\"agent1\",\"secret\":\"s\"}");
            assertEquals("LoggedIn", client.next().get("type").asText());
            // Ten pings span a second, well past the 400 ms idle timeout: the client's automatic pongs count.
            while (client.pingCounts.poll(5, TimeUnit.SECONDS) < 10) {
                assertFalse(client.closed.isDone(), "closed after " + client.pings.get() + " pings");
            }
            assertFalse(client.closed.isDone());
            client.send("{\"type\":\"Ready\",\"requestId\":\"r2\"}");
            assertEquals(new CtiCommand.Ready("r2"), next(desk.commands).command());
        }
    }

    @Test
    void silentDesktopIsClosedAsGoingAway() throws Exception {
        // A raw WebSocket that never answers pings stands for a desktop whose machine went away.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /cti HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] all = socket.getInputStream().readAllBytes(); // until the gateway closes
            String text = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("HTTP/1.1 101"), text);
            // After the handshake: ping frames (0x89) and finally a close frame (0x88) with status 1001.
            int close = text.indexOf((char) 0x88);
            assertTrue(close > 0, "a close frame");
            assertEquals(1001, ((all[close + 2] & 0xff) << 8) | (all[close + 3] & 0xff));
        }
    }
}
