package io.outdial.dialer.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store's connection pool (HikariCP, ADR 0013) on H2 or PostgreSQL and brings the schema up to date with
 * Flyway ({@code db/migration}, portable SQL that both engines run; ADR 0003). Flyway takes a lock in the database,
 * so gateways starting together on one PostgreSQL apply each migration once.
 */
final class StorePool {
    private static final Logger log = LoggerFactory.getLogger(StorePool.class);

    private StorePool() {
    }

    static HikariDataSource open(String jdbcUrl, String user, String password, int poolSize) {
        StoreVendor vendor = StoreVendor.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("outdial-store");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(poolSize, 2));
        // A store that cannot be reached stops start-up within seconds with the driver's own message.
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            log.info("calling-list schema at version {} ({} migration(s) applied) on {} ({})",
                    result.targetSchemaVersion, result.migrationsExecuted, vendor, redacted(jdbcUrl));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** The URL without its query (a PostgreSQL URL may carry {@code password=}). */
    static String redacted(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q) + "?...";
    }
}
