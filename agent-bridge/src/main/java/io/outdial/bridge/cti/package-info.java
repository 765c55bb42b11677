/**
 * The CTI wire protocol (docs/cti-protocol.md): the sealed {@link io.outdial.bridge.cti.CtiCommand} a desktop sends,
 * the {@link io.outdial.bridge.cti.CtiEvent} it is sent, their stable error codes, and
 * {@link io.outdial.bridge.cti.CtiCodec}, which turns text into complete, validated commands (every message is hostile
 * until it parses). The dialer implements {@link io.outdial.bridge.cti.AgentDesk}, called on a Netty event loop (hand
 * the work off and return at once), and pushes events through one thread-safe
 * {@link io.outdial.bridge.cti.AgentChannel} per logged-in desktop. Depends only on {@code json}; no Netty here.
 */
package io.outdial.bridge.cti;
