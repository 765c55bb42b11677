/**
 * Several gateways on one store (ADR 0016): the lease keeper that renews this gateway's claims and takes back the
 * records of a gateway that stopped renewing, and the campaign state shared through the store.
 */
package io.outdial.dialer.cluster;
