package org.videoclub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The native image's registration of the MariaDB driver matches the driver on the class path: a provider that a
 * service file included in the image lists but the registration misses makes ServiceLoader fail in the binary only.
 * A driver upgrade that adds or renames a plugin fails here, in every verify, rather than in a native build. Each
 * service's {@code MariaDbDriverReflectionTest} extends this and names its own registration classes; the resources
 * come from that service's application.properties.
 */
public abstract class MariaDbDriverReflectionChecks {

    /** The class whose {@link RegisterForReflection} names the driver's configuration classes. */
    protected abstract Class<?> options();

    /** The class whose {@link RegisterForReflection} names the driver's plugins (service providers). */
    protected abstract Class<?> plugins();

    @Test
    public void everyProviderOfTheIncludedServiceFilesIsRegistered() throws IOException {
        Set<String> registered = Set.of(plugins().getAnnotation(RegisterForReflection.class).classNames());
        List<String> serviceFiles = includedResources().stream().filter(name -> name.startsWith("META-INF/services/"))
                .toList();
        assertEquals(3, serviceFiles.size(), "authentication, codec and TLS plugins: " + serviceFiles);
        Set<String> listed = new TreeSet<>();
        for (String serviceFile : serviceFiles) {
            List<URL> copies = Collections.list(getClass().getClassLoader().getResources(serviceFile));
            assertEquals(1, copies.size(), serviceFile + " should come from the driver alone: " + copies);
            try (InputStream in = copies.get(0).openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty())
                        .forEach(listed::add);
            }
        }
        assertEquals(listed, new TreeSet<>(registered));
    }

    @Test
    public void theOptionsAndTheIncludedResourcesExist() throws Exception {
        for (String name : options().getAnnotation(RegisterForReflection.class).classNames()) {
            Class.forName(name, false, getClass().getClassLoader());
        }
        for (String resource : includedResources()) {
            if (!resource.contains("*")) {
                assertNotNull(getClass().getClassLoader().getResource(resource), resource);
            }
        }
        assertTrue(includedResources().contains("mariadb.properties"), "the driver reads its version from it");
    }

    private List<String> includedResources() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return Arrays.stream(properties.getProperty("quarkus.native.resources.includes").split(",")).map(String::strip)
                .toList();
    }
}
