package io.outdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.testing.PackageGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sip-stack's packages depend on each other one way: no import cycle. */
class PackageCyclesTest {

    @Test
    void noPackageCycle() {
        PackageGraph graph = PackageGraph.of(Path.of("src/main/java"));
        assertTrue(graph.packages().contains("io.outdial.sip.ua"), graph.packages().toString());
        assertEquals(List.of(), graph.cycles(), "package cycles");
    }
}
