package io.outdial.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package-info check on a made-up source tree, and on core's own sources. */
class PackageInfoCheckTest {

    @TempDir
    Path sources;

    @Test
    void namesEveryPackageWithJavaButNoPackageInfo() throws IOException {
        write("a/A.java");
        write("a/package-info.java");
        write("a/b/B.java");
        write("a/b/c/C.java");
        write("a/b/c/package-info.java");
        write("a/empty/readme.txt");

        assertEquals(List.of("a/b"), PackageInfoCheck.packagesWithout(sources));
        AssertionError error = assertThrows(AssertionError.class, () -> PackageInfoCheck.check(sources));
        assertTrue(error.getMessage().contains("[a/b]"), error.getMessage());
    }

    @Test
    void passesWhenEveryPackageHasOne() throws IOException {
        write("a/A.java");
        write("a/package-info.java");

        assertEquals(List.of(), PackageInfoCheck.packagesWithout(sources));
        PackageInfoCheck.check(sources);
    }

    @Test
    void refusesATreeWithNoJava() {
        assertThrows(AssertionError.class, () -> PackageInfoCheck.check(sources));
        assertThrows(AssertionError.class, () -> PackageInfoCheck.check(sources.resolve("missing")));
    }

    @Test
    void everyPackageOfCoreSaysWhatItOwns() {
        PackageInfoCheck.check(PackageInfoCheck.MAIN_SOURCES);
    }

    private void write(String file) throws IOException {
        Path path = sources.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "");
    }
}
