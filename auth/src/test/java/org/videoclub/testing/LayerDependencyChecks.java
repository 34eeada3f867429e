package org.videoclub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way (SPEC section 2): rest -> service -> repository -> model. A class of a layer names no
 * class of a layer above it, in an import or written out in full. Each service's {@code LayerDependenciesTest}
 * extends this and names its root package.
 */
public abstract class LayerDependencyChecks {

    private static final List<String> LAYERS = List.of("rest", "service", "repository", "model");

    /** The service's root package, whose layers are its sub-packages: {@code org.videoclub.auth}. */
    protected abstract String rootPackage();

    @Test
    public void noLayerNamesALayerAboveIt() throws IOException {
        Path sources = Path.of("src/main/java").resolve(rootPackage().replace('.', '/'));
        List<String> violations = new ArrayList<>();
        for (int layer = 1; layer < LAYERS.size(); layer++) {
            List<String> above = LAYERS.subList(0, layer);
            try (Stream<Path> files = Files.walk(sources.resolve(LAYERS.get(layer)))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (String upper : above) {
                        if (source.contains(rootPackage() + "." + upper + ".")) {
                            violations.add(sources.relativize(file) + " names " + upper);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
