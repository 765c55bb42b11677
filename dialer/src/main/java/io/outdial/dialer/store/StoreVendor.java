package io.outdial.dialer.store;

/**
 * The database engines the calling-list store runs on, told apart by the JDBC URL. H2 is the embedded default (one
 * gateway, a file next to the configuration); PostgreSQL is the shared store of several gateways (ADR 0013).
 */
public enum StoreVendor {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    StoreVendor(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /**
     * The clause that ends a claim's candidate query: PostgreSQL locks the candidate rows and skips rows another
     * gateway's claim holds ({@code FOR UPDATE SKIP LOCKED}); embedded H2 serves one gateway and needs none (the
     * claim's status guard alone decides races between its own threads).
     */
    public String skipLocked() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** The engine of {@code jdbcUrl}, or IllegalArgumentException naming the engines supported. */
    public static StoreVendor of(String jdbcUrl) {
        for (StoreVendor v : values()) {
            if (jdbcUrl != null && jdbcUrl.startsWith(v.urlPrefix)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl
                + ": the store runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://host:port/db)");
    }
}
