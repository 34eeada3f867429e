package org.videoclub.auth.repository;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.videoclub.auth.config.AuthConfig;

import io.quarkus.reactive.mysql.client.MySQLPoolCreator;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * The reactive pool with a bounded wait: at most {@code auth.database.max-waiting} requests wait for a connection (the
 * next one is refused at once, answered 503), and none waits longer than the deadline. Quarkus has no setting for
 * either, so the pool is built here from the options Quarkus prepared.
 */
@Singleton
public class BoundedPool implements MySQLPoolCreator {

    private final AuthConfig.Database config;

    BoundedPool(AuthConfig config) {
        this.config = config.database();
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = input.poolOptions()
                .setMaxWaitQueueSize(config.maxWaiting())
                .setConnectionTimeout((int) config.deadline().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        List<SqlConnectOptions> servers = List.copyOf(input.mySQLConnectOptionsList());
        return MySQLBuilder.pool().with(options).connectingTo(servers).using(input.vertx()).build();
    }
}
