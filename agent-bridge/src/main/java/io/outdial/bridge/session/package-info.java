/**
 * One desktop's CTI connection: {@link io.outdial.bridge.session.CtiInitializer} grafts the WebSocket handshake and
 * framing onto an HTTP pipeline for {@code /cti}, {@link io.outdial.bridge.session.CtiSession} runs the conversation
 * (login first, then commands to the {@code AgentDesk}), and {@link io.outdial.bridge.session.WebSocketAgentChannel} is
 * the {@code AgentChannel} the dialer pushes events through, holding them back until the login reply is sent. Session
 * state is confined to the channel's event loop; the desk's answers are brought back onto it.
 */
package io.outdial.bridge.session;
