package io.outdial.sip.testing;

import io.outdial.media.MediaConfig;
import io.outdial.media.MediaEngine;
import io.outdial.media.transport.NettyMediaEngine;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The media engine integration tests run against: the media module's Netty engine on 127.0.0.1, with its own slice
 * of RTP ports (below the kernel's ephemeral range, where SIPp's ports come from) so that runs rarely collide.
 */
public final class LoopbackMedia {
    private static final int SLICE = 200;

    private LoopbackMedia() {
    }

    public static MediaEngine start() {
        return start(null);
    }

    /** As {@link #start()}, putting {@code advertised} in SDP instead of 127.0.0.1 (null: 127.0.0.1). */
    public static MediaEngine start(String advertised) {
        int base = 20000 + SLICE * ThreadLocalRandom.current().nextInt(0, 50);
        return NettyMediaEngine.start(new MediaConfig("127.0.0.1", base, base + SLICE - 1, 1, advertised));
    }
}
