package org.videoclub.catalog;

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
 * class of a layer above it, in an import or written out in full.
 */
class LayerDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/videoclub/catalog");
    private static final List<String> LAYERS = List.of("rest", "service", "repository", "model");

    @Test
    void noLayerNamesALayerAboveIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (int layer = 1; layer < LAYERS.size(); layer++) {
            List<String> above = LAYERS.subList(0, layer);
            try (Stream<Path> files = Files.walk(SOURCES.resolve(LAYERS.get(layer)))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (String upper : above) {
                        if (source.contains("org.videoclub.catalog." + upper + ".")) {
                            violations.add(SOURCES.relativize(file) + " names " + upper);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
