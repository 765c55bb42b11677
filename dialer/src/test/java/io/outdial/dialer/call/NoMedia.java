package io.outdial.dialer.call;

import io.outdial.media.Conference;
import io.outdial.media.MediaEngine;
import io.outdial.media.MediaTap;
import io.outdial.media.Playback;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpRelay;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.player.MediaClip;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The media engine of a unit test whose scripted legs carry no media: nothing is ever asked of it but counts.
 * Fakes that hear or play something ({@link HeardMedia}) extend it and override only that.
 */
class NoMedia implements MediaEngine {

    @Override
    public CompletableFuture<RtpEndpoint> openEndpoint() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no media in this test"));
    }

    @Override
    public RtpRelay relay(RtpEndpoint a, RtpEndpoint b) {
        throw new UnsupportedOperationException("no media in this test");
    }

    @Override
    public MediaTap listen(RtpEndpoint endpoint, List<FrameDetector> detectors, Consumer<Detection> listener) {
        throw new UnsupportedOperationException("no media in this test");
    }

    @Override
    public Playback play(RtpEndpoint endpoint, MediaClip clip, boolean loop) {
        throw new UnsupportedOperationException("no media in this test");
    }

    @Override
    public CompletableFuture<Void> sendDtmf(RtpEndpoint endpoint, String digits, int durationMs) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no media in this test"));
    }

    @Override
    public Conference conference(List<RtpEndpoint> endpoints) {
        throw new UnsupportedOperationException("no media in this test");
    }

    @Override
    public int openEndpoints() {
        return 0;
    }

    @Override
    public long totalPacketsRelayed() {
        return 0;
    }

    @Override
    public String bindAddress() {
        return "127.0.0.1";
    }

    @Override
    public void close() {
    }
}
