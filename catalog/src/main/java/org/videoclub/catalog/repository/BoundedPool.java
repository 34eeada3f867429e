package org.videoclub.catalog.repository;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.videoclub.catalog.config.CatalogConfig;

import io.quarkus.reactive.mysql.client.MySQLPoolCreator;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * The reactive pool with a bounded wait: at most {@code database.max-waiting} requests wait for a connection (the
 * next one is refused at once, answered 503). A wait is given up after the start-up deadline; requests are answered
 * at the request deadline before that ({@link DatabaseDeadlineInterceptor}). Quarkus has no setting for either, so the
 * pool is built here from the options Quarkus prepared.
 */
@Singleton
public class BoundedPool implements MySQLPoolCreator {

    private final CatalogConfig.Database config;

    BoundedPool(CatalogConfig config) {
        this.config = config.database();
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = input.poolOptions()
                .setMaxWaitQueueSize(config.maxWaiting())
                // the interceptor answers requests at the deadline; this only frees the queue of abandoned waits
                .setConnectionTimeout((int) config.startUpDeadline().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        List<SqlConnectOptions> servers = List.copyOf(input.mySQLConnectOptionsList());
        return MySQLBuilder.pool().with(options).connectingTo(servers).using(input.vertx()).build();
    }
}
