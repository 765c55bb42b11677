/**
 * The HTTP/1.1 side of the bridge's port on Netty: {@link io.outdial.bridge.http.HttpInitializer} builds each
 * connection's pipeline (silence watch, body limit), {@link io.outdial.bridge.http.HttpRouter} sends each request to
 * the CTI WebSocket, the admin routes ({@link io.outdial.bridge.http.AdminRoutes} over {@code AdminApi}), metrics,
 * health or the in-memory {@link io.outdial.bridge.http.StaticFiles}, answering in request order. Everything runs on
 * the connection's event loop and must not block; routes answer later through a future with an
 * {@link io.outdial.bridge.http.HttpReply} value.
 */
package io.outdial.bridge.http;
