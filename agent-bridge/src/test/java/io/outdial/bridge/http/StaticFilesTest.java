package io.outdial.bridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The browser pages' files: served from memory with their content type, nothing else reachable. */
class StaticFilesTest {
    private final StaticFiles pages = StaticFiles.load();

    private static FullHttpRequest get(String path, String... headers) {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.headers().set(headers[i], headers[i + 1]);
        }
        return r;
    }

    @Test
    void pagesScriptsAndStylesCarryTheirContentType() {
        assertEquals("text/html; charset=utf-8", pages.answer("/agent", get("/agent")).contentType());
        assertEquals("text/html; charset=utf-8", pages.answer("/supervisor/", get("/supervisor/")).contentType());
        assertEquals("text/javascript; charset=utf-8",
                pages.answer("/agent/app.js", get("/agent/app.js")).contentType());
        assertEquals("text/css; charset=utf-8",
                pages.answer("/common/style.css", get("/common/style.css")).contentType());
        HttpReply page = pages.answer("/agent", get("/agent"));
        assertEquals(200, page.status().code());
        assertTrue(page.bodyText().contains("Outdial agent desktop"), page.bodyText());
        assertEquals("no-cache", page.headers().get("Cache-Control"));
        assertEquals("nosniff", page.headers().get("X-Content-Type-Options"));
        assertEquals("DENY", page.headers().get("X-Frame-Options"));
        assertEquals("frame-ancestors 'none'", page.headers().get("Content-Security-Policy"));
    }

    @Test
    void aCurrentCopyIsAnswered304() {
        String etag = pages.answer("/agent/app.js", get("/agent/app.js")).headers().get("ETag");
        HttpReply again = pages.answer("/agent/app.js", get("/agent/app.js", "If-None-Match", etag));
        assertEquals(304, again.status().code());
        assertEquals(0, again.body().length);
        assertEquals(200, pages.answer("/agent/app.js", get("/agent/app.js", "If-None-Match", "\"old\""))
                .status().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/agent/../../etc/passwd", "/agent/..%2f..%2fpom.xml", "/../web/MANIFEST", "/MANIFEST",
            "/web/agent/index.html", "/agent/nope.js", "/agent//app.js", "/common", "/agent/app.js/", "/"})
    void unknownAndTraversingPathsAreNotServed(String path) {
        assertFalse(pages.serves(path), path);
        assertEquals(404, pages.answer(path, get(path)).status().code());
    }

    @Test
    void contentTypesByExtension() {
        assertEquals("image/svg+xml", StaticFiles.contentType("a/b.svg"));
        assertEquals("image/png", StaticFiles.contentType("x.PNG"));
        assertEquals("application/json; charset=utf-8", StaticFiles.contentType("x.json"));
        assertEquals("application/octet-stream", StaticFiles.contentType("x.bin"));
    }

    @Test
    void theManifestListsEveryFileUnderWeb() throws IOException {
        Path web = Path.of("src/main/resources/web");
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(web)) {
            files.filter(Files::isRegularFile).map(p -> web.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("MANIFEST")).forEach(onDisk::add);
        }
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(web.resolve("MANIFEST"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.strip());
            }
        }
        assertEquals(onDisk, listed, "web/MANIFEST must list exactly the files under web/");
        for (String f : List.copyOf(listed)) {
            assertTrue(pages.serves("/" + f), f);
        }
    }

    @Test
    void aListedFileMissingFromTheClassPathFailsAtStart() {
        ClassLoader empty = new ClassLoader(null) {
            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                return name.equals("web/MANIFEST")
                        ? new java.io.ByteArrayInputStream("agent/gone.js\n".getBytes(StandardCharsets.UTF_8)) : null;
            }
        };
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> StaticFiles.load(empty));
        assertTrue(e.getMessage().contains("agent/gone.js"), e.getMessage());
    }
}
