package io.outdial.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of this module has a package-info.java saying what it owns. Written out here because this module
 * does not depend on outdial-core, whose test jar has the same check ({@code io.outdial.core.testing.PackageInfoCheck}).
 */
class PackageInfoTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        assertTrue(Files.isRegularFile(SOURCES.resolve("io/outdial/bridge/package-info.java")),
                "the check must look at this module's sources: " + SOURCES.toAbsolutePath());
        List<String> missing;
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            missing = dirs.filter(Files::isDirectory)
                    .filter(PackageInfoTest::holdsJava)
                    .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                    .map(dir -> SOURCES.relativize(dir).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), missing, "packages without a package-info.java saying what they own");
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
