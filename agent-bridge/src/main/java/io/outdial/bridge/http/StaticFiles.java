package io.outdial.bridge.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The browser pages ({@code /agent}, {@code /supervisor}) and their scripts and styles: every file listed in
 * {@code web/MANIFEST} on the class path is read once, at start, into memory, so a request is a map look-up on the
 * event loop (no disk, no blocking). Only listed files exist: a path with {@code ..}, an encoded slash or anything
 * not listed is unknown (404), so no request can reach another file. Answers carry an ETag and
 * {@code Cache-Control: no-cache} (the browser revalidates and gets 304 when nothing changed).
 */
public final class StaticFiles {
    /** Class-path folder of the pages; its {@code MANIFEST} lists the files, one relative path a line. */
    public static final String ROOT = "web/";

    /** A file in memory. */
    record Asset(String contentType, byte[] body, String etag) { }

    private final Map<String, Asset> byPath;

    private StaticFiles(Map<String, Asset> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    /** The pages of this module's class path. */
    public static StaticFiles load() {
        return load(StaticFiles.class.getClassLoader());
    }

    /** Reads {@code web/MANIFEST} and every file it lists from {@code loader}; a listed file missing fails. */
    public static StaticFiles load(ClassLoader loader) {
        Map<String, Asset> files = new LinkedHashMap<>();
        byte[] manifest = read(loader, ROOT + "MANIFEST")
                .orElseThrow(() -> new IllegalStateException("no " + ROOT + "MANIFEST on the class path"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(manifest), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                byte[] body = read(loader, ROOT + name)
                        .orElseThrow(() -> new IllegalStateException(ROOT + "MANIFEST lists " + name
                                + ", which is not on the class path"));
                Asset asset = new Asset(contentType(name), body, etag(body));
                files.put("/" + name, asset);
                if (name.endsWith("/index.html")) {
                    String folder = "/" + name.substring(0, name.length() - "/index.html".length());
                    files.put(folder, asset);
                    files.put(folder + "/", asset);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StaticFiles(files);
    }

    /** Whether {@code path} (already stripped of its query) is one of the pages' files. */
    public boolean serves(String path) {
        return byPath.containsKey(path);
    }

    /** The answer to a GET or HEAD of {@code path}: the file, 304 when the browser's copy is current, or 404. */
    public HttpReply answer(String path, FullHttpRequest request) {
        Asset asset = byPath.get(path);
        if (asset == null) {
            return HttpReply.error(HttpResponseStatus.NOT_FOUND, "no such path: " + path);
        }
        String known = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        if (asset.etag().equals(known)) {
            return HttpReply.empty(HttpResponseStatus.NOT_MODIFIED)
                    .withHeader("ETag", asset.etag())
                    .withHeader("Cache-Control", "no-cache");
        }
        return new HttpReply(HttpResponseStatus.OK, asset.contentType(), asset.body(), Map.of(
                "ETag", asset.etag(),
                "Cache-Control", "no-cache",
                "X-Content-Type-Options", "nosniff",
                // No other site may frame the pages (clickjacking a supervisor's clicks).
                "X-Frame-Options", "DENY",
                "Content-Security-Policy", "frame-ancestors 'none'"));
    }

    /** The content type of a file name, by its extension. */
    static String contentType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        switch (ext) {
            case "html":
                return "text/html; charset=utf-8";
            case "js":
            case "mjs":
                return "text/javascript; charset=utf-8";
            case "css":
                return "text/css; charset=utf-8";
            case "json":
                return "application/json; charset=utf-8";
            case "svg":
                return "image/svg+xml";
            case "png":
                return "image/png";
            case "ico":
                return "image/x-icon";
            default:
                return "application/octet-stream";
        }
    }

    private static Optional<byte[]> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
