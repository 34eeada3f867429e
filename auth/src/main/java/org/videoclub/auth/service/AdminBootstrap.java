package org.videoclub.auth.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.videoclub.auth.config.AuthConfig;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Creates the first admin from AUTH_ADMIN_USERNAME / AUTH_ADMIN_PASSWORD when the database has no admin. A name
 * already taken by another account does not stop start-up: one log line says so and auth starts without an admin.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent event, AuthConfig config, UserService userService) throws Throwable {
        if (config.admin().username().isEmpty() || config.admin().password().isEmpty()) {
            return;
        }
        String username = config.admin().username().get();
        if (Usernames.canonical(username) == null || !username.equals(username.strip())) {
            throw new IllegalStateException("AUTH_ADMIN_USERNAME " + Usernames.RULE);
        }
        String problem = PasswordPolicy.violation(config.admin().password().get());
        if (problem != null) {
            throw new IllegalStateException("AUTH_ADMIN_PASSWORD " + problem);
        }
        // Start-up runs on the main thread: VertxContextSupport gives Hibernate Reactive a Vert.x context.
        UserService.BootstrapOutcome outcome = VertxContextSupport.subscribeAndAwait(
                () -> userService.bootstrapAdmin(username, config.admin().password().get()));
        report(outcome, username);
    }

    private static void report(UserService.BootstrapOutcome outcome, String username) {
        switch (outcome) {
            case CREATED -> LOG.infof("Created the first admin '%s' from AUTH_ADMIN_USERNAME", username);
            case NAME_TAKEN -> LOG.warnf("No admin exists and AUTH_ADMIN_USERNAME '%s' is taken by an account that is"
                    + " not an admin: no admin was created. Set AUTH_ADMIN_USERNAME to a free name and restart, or"
                    + " make that account an admin in the database.", username);
            case ADMIN_EXISTS -> {
                // nothing to do
            }
        }
    }
}
