/**
 * The agent bridge: {@link io.outdial.bridge.AgentBridgeServer} is the one HTTP port of the gateway (the CTI WebSocket
 * {@code /cti}, the admin API {@code /api}, {@code /metrics}, {@code /health} and the browser pages), configured by
 * {@link io.outdial.bridge.BridgeConfig}, and owns its Netty event loops. The dialer plugs in through the
 * {@code cti.AgentDesk} and {@code admin.AdminApi} interfaces; the bridge depends on no other Outdial module, so it
 * knows no SIP, calls or campaigns.
 */
package io.outdial.bridge;
