package org.videoclub.auth.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.videoclub.auth.config.AuthConfig;
import org.videoclub.auth.model.Role;
import org.videoclub.auth.repository.UserRepository;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.VertxContextSupport;

/** Creates the first admin from AUTH_ADMIN_USERNAME / AUTH_ADMIN_PASSWORD when the database has no admin. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent event, AuthConfig config, UserRepository users, UserService userService)
            throws Throwable {
        if (config.admin().username().isEmpty() || config.admin().password().isEmpty()) {
            return;
        }
        String username = config.admin().username().get();
        String problem = PasswordPolicy.violation(config.admin().password().get());
        if (problem != null) {
            throw new IllegalStateException("AUTH_ADMIN_PASSWORD " + problem);
        }
        // Start-up runs on the main thread: VertxContextSupport gives Hibernate Reactive a Vert.x context.
        boolean created = VertxContextSupport.subscribeAndAwait(() -> users.countByRole(Role.admin)
                .flatMap(admins -> admins > 0
                        ? Uni.createFrom().item(false)
                        : userService.create(username, config.admin().password().get(), Role.admin,
                                new UserService.Caller(0, Role.admin)).map(user -> true)));
        if (created) {
            LOG.infof("Created the first admin '%s' from AUTH_ADMIN_USERNAME", username);
        }
    }
}
