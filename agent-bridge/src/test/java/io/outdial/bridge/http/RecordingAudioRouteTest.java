package io.outdial.bridge.http;

import static io.outdial.bridge.fakes.RecordingDesk.next;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.bridge.fakes.RecordingAdmin;
import io.outdial.bridge.fakes.RecordingDesk;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/recordings/{id}/audio} with byte ranges, as an audio element asks when it seeks: 206 with the
 * slice and its Content-Range, 200 for the whole file, 416 for a range outside the file or a malformed one (and
 * then the admin API, which audits, is not asked or gives nothing).
 */
class RecordingAudioRouteTest {
    private final RecordingAdmin admin = new RecordingAdmin();
    private final PasswordChecks checks = new PasswordChecks(1);
    private final EmbeddedChannel ch = new EmbeddedChannel(TestPipelines.with(64, admin, () -> "", new RecordingDesk(),
            TestPipelines.openLab(checks)));
    private final EmbeddedChannel responses =
            new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));
    private final byte[] file = new byte[1000];

    private record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    @BeforeEach
    void aFile() {
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 7);
        }
        admin.audio = file;
    }

    @AfterEach
    void releaseLeftovers() {
        checks.close();
        ch.finishAndReleaseAll();
        responses.finishAndReleaseAll();
    }

    private Answer get(String path, String... headerLines) {
        String raw = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headerLines) + "\r\n";
        ch.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.UTF_8));
        ch.runPendingTasks();
        for (ByteBuf out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
            responses.writeInbound(out);
        }
        FullHttpResponse r = responses.readInbound();
        try {
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
            return new Answer(r.status().code(), headers, ByteBufUtil.getBytes(r.content()));
        } finally {
            r.release();
        }
    }

    @Test
    void withoutARangeTheWholeFileSaysRangesAreServed() {
        Answer a = get("/api/recordings/7/audio");
        assertEquals(200, a.status());
        assertEquals("bytes", a.header("accept-ranges"));
        assertNull(a.header("content-range"));
        assertEquals("1000", a.header("content-length"));
        assertArrayEquals(file, a.body());
        assertEquals(new RecordingAdmin.Call("recordingAudio", List.of(7L, "play", "null")), next(admin.calls));
    }

    @Test
    void aRangeIsPartialContentWithItsSliceAndContentRange() {
        Answer a = get("/api/recordings/7/audio", "Range: bytes=100-199\r\n");
        assertEquals(206, a.status());
        assertEquals("bytes 100-199/1000", a.header("content-range"));
        assertEquals("bytes", a.header("accept-ranges"));
        assertEquals("100", a.header("content-length"));
        assertEquals("audio/wav", a.header("content-type"));
        assertArrayEquals(Arrays.copyOfRange(file, 100, 200), a.body());
        assertEquals(new RecordingAdmin.Call("recordingAudio", List.of(7L, "play", "bytes=100-199")),
                next(admin.calls));

        Answer tail = get("/api/recordings/7/audio?download=true", "Range: bytes=-10\r\n");
        assertEquals(206, tail.status());
        assertEquals("bytes 990-999/1000", tail.header("content-range"));
        assertTrue(tail.header("content-disposition").startsWith("attachment"), tail.headers().toString());
        assertEquals("download", next(admin.calls).args().get(1));
    }

    @Test
    void aPlayersFirstRequestForEverythingIsTheWholeFile() {
        Answer a = get("/api/recordings/7/audio", "Range: bytes=0-\r\n");
        assertEquals(200, a.status());
        assertArrayEquals(file, a.body());
    }

    @Test
    void aRangeOutsideTheFileIs416NamingTheLength() {
        Answer a = get("/api/recordings/7/audio", "Range: bytes=1000-\r\n");
        assertEquals(416, a.status());
        assertEquals("bytes */1000", a.header("content-range"));
        assertTrue(new String(a.body(), StandardCharsets.UTF_8).contains("outside the 1000 bytes"),
                new String(a.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aMalformedRangeIs416AndNeverReachesTheAdminApi() {
        Answer a = get("/api/recordings/7/audio", "Range: bytes=9-3\r\n");
        assertEquals(416, a.status());
        assertNull(a.header("content-range"), "the length is not known without asking");
        assertTrue(new String(a.body(), StandardCharsets.UTF_8).contains("ends before it starts"));
        assertTrue(admin.calls.isEmpty(), "nothing was asked, so nothing was audited: " + admin.calls);
    }

    @Test
    void severalRangesOrAnIfRangeGetTheWholeFile() {
        assertEquals(200, get("/api/recordings/7/audio", "Range: bytes=0-9,20-29\r\n").status());
        Answer conditional = get("/api/recordings/7/audio", "Range: bytes=5-9\r\n", "If-Range: \"x\"\r\n");
        assertEquals(200, conditional.status());
        assertArrayEquals(file, conditional.body());
    }
}
