package io.outdial.dialer.store;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A fresh, private calling-list database per test: an H2 in-memory database, or, when the tests run with
 * {@code -Doutdial.test.store=postgresql} (the surefire execution {@code store-on-postgresql} of the dialer POM), a
 * new database on the JVM's {@link PostgresServer}. The store's own tests thus run against both engines.
 */
public final class InMemoryStore {
    /** The system property naming the engine of the store tests: {@code h2} (default) or {@code postgresql}. */
    public static final String ENGINE = "outdial.test.store";

    private InMemoryStore() {
    }

    public static StoreVendor vendor() {
        String engine = System.getProperty(ENGINE, "h2");
        return switch (engine) {
            case "h2" -> StoreVendor.H2;
            case "postgresql" -> StoreVendor.POSTGRESQL;
            default -> throw new IllegalArgumentException(ENGINE + " must be h2 or postgresql, not " + engine);
        };
    }

    public static String newUrl() {
        return vendor() == StoreVendor.POSTGRESQL ? PostgresServer.shared().newDatabaseUrl()
                : "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** The user of the databases {@link #newUrl()} makes. */
    public static String user() {
        return vendor() == StoreVendor.POSTGRESQL ? PostgresServer.USER : "sa";
    }

    static CallingListStore open() {
        return CallingListStore.open(newUrl(), user(), "", 4);
    }

    static CallingListStore open(ZoneId defaultZone) {
        return CallingListStore.open(newUrl(), user(), "", 4, defaultZone);
    }

    static ImportReport load(CallingListStore store, String campaign, String csv) {
        return store.importCsv(campaign, new StringReader(csv));
    }
}
