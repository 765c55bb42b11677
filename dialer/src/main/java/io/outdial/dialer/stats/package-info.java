/**
 * The supervisor's live view ({@code GET /api/stats}) and its last hour ({@code /api/stats/history}):
 * {@link io.outdial.dialer.stats.LiveStats} combines the metrics, campaign states read on the dialer executor, and
 * stored abandonment and record counts read on the database pool; {@link io.outdial.dialer.stats.StatsHistory} is a
 * thread-safe ring of {@link io.outdial.dialer.stats.StatsSample}s.
 */
package io.outdial.dialer.stats;
