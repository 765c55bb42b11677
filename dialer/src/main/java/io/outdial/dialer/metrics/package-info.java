/**
 * The gateway's Prometheus metrics: {@link io.outdial.dialer.metrics.DialerMetrics} counts calls, results, agents and
 * media, and reads gauges from suppliers that are safe from any thread. Meters are read without blocking, so
 * {@code /metrics} and the supervisor's live view can be served from an event loop.
 */
package io.outdial.dialer.metrics;
