/**
 * The supervisor's HTTP API as the dialer implements the bridge's {@code AdminApi}:
 * {@link io.outdial.dialer.admin.AdminService} (campaign lifecycle, calling-list upload, records, agents) and
 * {@link io.outdial.dialer.admin.RecordExport} (a campaign's records with their results as CSV). Called on a Netty
 * event loop: campaign and agent state is read on the dialer executor and JDBC runs on the database pool, never on the
 * calling thread.
 */
package io.outdial.dialer.admin;
