package io.outdial.bridge.http;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.outdial.bridge.AgentBridgeServer;
import io.outdial.bridge.BridgeConfig;
import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.auth.AuthSettings;
import io.outdial.bridge.auth.Gatekeeper;
import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.bridge.auth.SecurityEvents;
import io.outdial.bridge.cti.AgentDesk;
import io.outdial.bridge.cti.CtiCodec;
import io.outdial.bridge.json.BridgeJson;
import io.outdial.bridge.session.CtiInitializer;
import java.time.Instant;
import java.util.function.Supplier;

/** The bridge's pipeline as the server builds it, for EmbeddedChannel tests. */
final class TestPipelines {
    private TestPipelines() {
    }

    static HttpInitializer with(int maxBody, AdminApi admin, Supplier<String> metrics, AgentDesk desk,
                                Gatekeeper gate) {
        return new HttpInitializer(new BridgeConfig("127.0.0.1", 0, maxBody),
                AgentBridgeServer.routes(admin, metrics, gate, BridgeJson.newMapper()),
                new CtiInitializer(desk, new CtiCodec(), gate),
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE), StaticFiles.load(), gate);
    }

    static Gatekeeper openLab(PasswordChecks checks) {
        return new Gatekeeper(AuthSettings.openLabMode(), false, checks, SecurityEvents.NONE, Instant::now);
    }
}
