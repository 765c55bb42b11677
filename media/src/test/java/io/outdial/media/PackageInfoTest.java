package io.outdial.media;

import io.outdial.core.testing.PackageInfoCheck;
import org.junit.jupiter.api.Test;

/** Every package of this module has a package-info.java saying what it owns (core's one check). */
class PackageInfoTest {

    @Test
    void everyPackageSaysWhatItOwns() {
        PackageInfoCheck.check(PackageInfoCheck.MAIN_SOURCES);
    }
}
