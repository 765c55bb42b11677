/**
 * The supervisor's API as the dialer implements it: {@link io.outdial.bridge.admin.AdminApi} (results are
 * JSON-serialisable values) and {@link io.outdial.bridge.admin.AdminException} (a refusal with its HTTP status). It is
 * called on a Netty event loop, so implementations return at once and do blocking work (JDBC) on their own pool. No
 * Netty, JSON or HTTP types appear here; {@code http.AdminRoutes} maps paths onto it.
 */
package io.outdial.bridge.admin;
