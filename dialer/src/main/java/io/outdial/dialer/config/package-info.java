/**
 * Typed gateway configuration, read from one commented YAML file ({@code dialer/config/outdial.yaml} is the
 * reference). {@link io.outdial.dialer.config.ConfigLoader} turns the file into an immutable
 * {@link io.outdial.dialer.config.GatewayConfig}; every section is a record that owns its defaults and checks.
 */
package io.outdial.dialer.config;
