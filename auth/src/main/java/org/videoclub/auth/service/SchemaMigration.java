package org.videoclub.auth.service;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.videoclub.auth.config.StartupCheck;

import io.quarkus.runtime.StartupEvent;

/** Brings the schema up to date (Flyway SQL migrations) at start-up, after the settings and keys are vetted. */
@ApplicationScoped
public class SchemaMigration {

    void migrate(@Observes @Priority(StartupCheck.PRIORITY + 2) StartupEvent event, Flyway flyway) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            // a hung database ends here after the deadline (quarkus.datasource.jdbc.acquisition-timeout)
            throw new IllegalStateException("auth cannot start: the database schema could not be migrated (is the database"
                    + " up and answering at DB_HOST:DB_PORT?): " + e.getMessage(), e);
        }
    }
}
