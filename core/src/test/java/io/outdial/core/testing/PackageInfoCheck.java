package io.outdial.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The "every package says what it owns" rule, published in outdial-core's test jar: {@link #packagesWithout} lists
 * the directories under a module's {@code src/main/java} that hold {@code .java} files but no
 * {@code package-info.java}, and {@link #check} fails naming them.
 */
public final class PackageInfoCheck {

    /** Where a module's main sources are, seen from the module directory (surefire's working directory). */
    public static final Path MAIN_SOURCES = Path.of("src/main/java");

    private PackageInfoCheck() {
    }

    /** Package directories under {@code sources} with Java files but no package-info.java, relative and sorted. */
    public static List<String> packagesWithout(Path sources) {
        if (!Files.isDirectory(sources)) {
            throw new AssertionError("no source directory " + sources.toAbsolutePath());
        }
        try (Stream<Path> dirs = Files.walk(sources)) {
            return dirs.filter(Files::isDirectory)
                    .filter(PackageInfoCheck::holdsJava)
                    .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                    .map(dir -> sources.relativize(dir).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Throws {@link AssertionError} naming every package under {@code sources} without a package-info.java; also
     * fails if {@code sources} holds no Java at all, so that a wrong path cannot pass.
     */
    public static void check(Path sources) {
        if (!Files.isDirectory(sources)) {
            throw new AssertionError("no source directory " + sources.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(sources)) {
            if (files.noneMatch(f -> f.toString().endsWith(".java"))) {
                throw new AssertionError("no Java sources under " + sources.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = packagesWithout(sources);
        if (!missing.isEmpty()) {
            throw new AssertionError("packages without a package-info.java saying what they own: " + missing);
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
