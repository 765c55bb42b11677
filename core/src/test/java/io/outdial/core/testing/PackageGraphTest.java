package io.outdial.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageGraphTest {

    @TempDir
    Path src;

    private void write(String pkg, String type, String body) throws IOException {
        Path dir = src.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(type + ".java"), "package " + pkg + ";\n\n" + body);
    }

    @Test
    void findsACycleThroughImportsAndQualifiedNames() throws IOException {
        write("x.app", "App", "import x.desk.Desk;\nclass App { }\n");
        write("x.desk", "Desk", "import x.model.Model;\npublic class Desk { }\n");
        write("x.model", "Model", "public class Model { x.desk.Desk back; }\n");
        write("x.leaf", "Leaf", "import java.util.List;\nclass Leaf { }\n");
        PackageGraph graph = PackageGraph.of(src);
        assertEquals(Set.of("x.model"), graph.uses("x.desk"));
        assertEquals(Set.of(), graph.uses("x.leaf"), "JDK imports are not the module's packages");
        assertEquals(List.of(Set.of("x.desk", "x.model")), graph.cycles());
    }

    @Test
    void aLayeredModuleHasNoCycle() throws IOException {
        write("y.app", "App", "import y.desk.Desk;\nimport y.model.Model;\nclass App { }\n");
        write("y.desk", "Desk", "import y.model.Model;\npublic class Desk { }\n");
        write("y.model", "Model", "public class Model { }\n");
        assertTrue(PackageGraph.of(src).cycles().isEmpty());
    }
}
