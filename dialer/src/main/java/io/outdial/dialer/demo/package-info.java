/**
 * The README's demo: {@link io.outdial.dialer.demo.Demo} runs the sample progressive campaign on a whole
 * {@code Gateway} against SIPp contacts and agent phones ({@link io.outdial.dialer.demo.SippProcess}) on loopback and a
 * fresh embedded store, then prints every record's result. Nothing in the gateway depends on it except {@code Main}.
 */
package io.outdial.dialer.demo;
