package io.outdial.sip.testing;

import io.outdial.media.MediaConfig;
import io.outdial.media.MediaEngine;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The media engine tests run against on 127.0.0.1: the media module's Netty engine when it is on the classpath,
 * else {@link PlainUdpMediaEngine}. Each engine gets its own slice of RTP ports so parallel runs rarely collide.
 */
public final class LoopbackMedia {
    private static final String NETTY_ENGINE = "io.outdial.media.NettyMediaEngine";

    private LoopbackMedia() {
    }

    public static MediaEngine start() {
        int base = 20000 + 2 * ThreadLocalRandom.current().nextInt(0, 4500);
        MediaConfig config = new MediaConfig("127.0.0.1", base, base + 199, 1);
        try {
            Class<?> netty = Class.forName(NETTY_ENGINE);
            return (MediaEngine) netty.getMethod("start", MediaConfig.class).invoke(null, config);
        } catch (ClassNotFoundException e) {
            return new PlainUdpMediaEngine(config.bindAddress());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start " + NETTY_ENGINE, e);
        }
    }
}
