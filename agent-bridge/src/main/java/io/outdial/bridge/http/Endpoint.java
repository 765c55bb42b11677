package io.outdial.bridge.http;

import io.netty.handler.codec.http.FullHttpRequest;
import java.util.concurrent.CompletableFuture;

/**
 * What one path does for one HTTP method. Called on the event loop: reads what it needs from the request at once
 * (the request is released when the call returns) and answers later through the future.
 */
@FunctionalInterface
public interface Endpoint {

    CompletableFuture<HttpReply> call(FullHttpRequest request);
}
