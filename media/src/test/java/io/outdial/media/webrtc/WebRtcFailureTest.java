package io.outdial.media.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.Test;

/**
 * The kinds of a browser leg's failure (the metric's reason label): what BouncyCastle throws sorts into refused,
 * timed out or other, and a real handshake that nobody answers is a timeout.
 */
class WebRtcFailureTest {

    @Test
    void alertsSentOrReceivedAreRefusalsAndOtherErrorsAreErrors() {
        assertEquals(WebRtcFailure.DTLS_REFUSED, WebRtcFailure.ofHandshake(
                new TlsFatalAlert(AlertDescription.bad_certificate, "does not match the SDP a=fingerprint")));
        assertEquals(WebRtcFailure.DTLS_REFUSED, WebRtcFailure.ofHandshake(
                new TlsFatalAlertReceived(AlertDescription.handshake_failure)));
        assertEquals(WebRtcFailure.DTLS_ERROR, WebRtcFailure.ofHandshake(new IOException("closed")));
        assertEquals(WebRtcFailure.DTLS_ERROR, WebRtcFailure.ofHandshake(new IllegalStateException("bug")));
    }

    @Test
    void aHandshakeNobodyAnswersIsATimeout() {
        // our client's ClientHello goes nowhere: BouncyCastle gives up at the handshake timeout
        PacketQueueTransport nowhere = new PacketQueueTransport(datagram -> { });
        DtlsSrtpHandshake client = new DtlsSrtpHandshake(DtlsRole.CLIENT, DtlsIdentity.generate(Duration.ofDays(1)),
                DtlsIdentity.generate(Duration.ofDays(1)).fingerprint(), 300);
        IOException failed = assertThrows(IOException.class, () -> client.run(nowhere));
        assertEquals(WebRtcFailure.DTLS_TIMEOUT, WebRtcFailure.ofHandshake(failed), failed.toString());
    }

    @Test
    void labelsAreDistinctMetricLabelValues() {
        List<String> labels = Arrays.stream(WebRtcFailure.values()).map(WebRtcFailure::label).toList();
        assertEquals(labels.size(), labels.stream().distinct().count());
        labels.forEach(l -> assertEquals(true, l.matches("[a-z_]+"), l));
    }
}
