package org.videoclub.auth.repository;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.videoclub.auth.config.AuthConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * The one place auth bounds its waits on the database. Runs outside {@code @WithSession} and {@code @WithTransaction}
 * (lower priority), so opening the session, taking a pool connection, the queries and the commit all count.
 *
 * <p>
 * Mutiny with a Vert.x timer rather than SmallRye Fault Tolerance's {@code @Timeout}: the deadline comes straight from
 * {@link AuthConfig} (no per-method FT keys in milliseconds, no extra extension), the failure is emitted on the
 * request's own event loop (Hibernate Reactive refuses a session touched from another thread), and the late call is
 * left to finish instead of being cancelled mid-session, so its connection goes back to the pool when the database
 * answers again. Mutiny's {@code ifNoItem().after()} would cancel it and fire on a worker thread.
 */
@DatabaseDeadline
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DatabaseDeadlineInterceptor {

    private final Vertx vertx;
    private final Duration deadline;
    private final Duration startUpDeadline;
    private final StartUp startUp;

    DatabaseDeadlineInterceptor(Vertx vertx, AuthConfig config, StartUp startUp) {
        this.vertx = vertx;
        this.deadline = config.database().deadline();
        this.startUpDeadline = config.database().startUpDeadline();
        this.startUp = startUp;
    }

    @AroundInvoke
    Object bound(InvocationContext invocation) throws Exception {
        if (!Uni.class.isAssignableFrom(invocation.getMethod().getReturnType())) {
            return invocation.proceed();
        }
        Uni<?> call = (Uni<?>) invocation.proceed();
        return withDeadline(call);
    }

    private <T> Uni<T> withDeadline(Uni<T> call) {
        Duration bound = startUp.done() ? deadline : startUpDeadline;
        return Uni.createFrom().emitter(emitter -> {
            // cancelTimer is true for the first of timer and answer only: the other is dropped
            long timer = vertx.setTimer(bound.toMillis(), id -> emitter.fail(new DatabaseTimeoutException(bound)));
            call.subscribe().with(item -> {
                if (vertx.cancelTimer(timer)) {
                    emitter.complete(item);
                }
            }, failure -> {
                if (vertx.cancelTimer(timer)) {
                    emitter.fail(failure);
                }
            });
        });
    }
}
