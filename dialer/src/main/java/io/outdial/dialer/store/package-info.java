/**
 * Calling lists: records to dial, kept in a relational database (embedded H2, or PostgreSQL shared by several gateways with leased claims, ADR 0016) over blocking JDBC.
 * {@link io.outdial.dialer.store.CallingListStore} is the only way in; callers run it on the dialer's bounded
 * database pool, never on an event loop or a SIP thread. The schema lives in {@code db/migration} (Flyway).
 */
package io.outdial.dialer.store;
