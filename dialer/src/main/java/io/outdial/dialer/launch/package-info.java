/**
 * The command line: {@link io.outdial.dialer.launch.Main} runs the gateway from a configuration file, or the demo. The
 * jar's entry point; nothing imports it.
 */
package io.outdial.dialer.launch;
