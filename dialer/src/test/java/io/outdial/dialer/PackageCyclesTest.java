package io.outdial.dialer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.core.testing.PackageGraph;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dialer's packages depend on each other one way: no import cycle (docs/adr/0010 has the map). */
class PackageCyclesTest {

    @Test
    void noPackageCycle() {
        PackageGraph graph = PackageGraph.of(Path.of("src/main/java"));
        assertTrue(graph.packages().size() > 15, "read the dialer's packages: " + graph.packages());
        assertEquals(List.of(), graph.cycles(), "package cycles");
    }
}
