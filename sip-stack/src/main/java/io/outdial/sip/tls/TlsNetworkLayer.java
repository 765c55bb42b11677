package io.outdial.sip.tls;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The stack's network layer (gov.nist.javax.sip.NETWORK_LAYER, instantiated by the stack by class name): plain
 * sockets as JAIN-SIP's default layer makes them, TLS sockets from the {@link SSLContext} registered for the stack's
 * name with {@link #register}. Client sockets check the server's name against the host we connect to (JSSE's HTTPS
 * endpoint identification: a DNS name or IP address in subjectAltName) when the context verifies peers, and connect
 * with a bound timeout so that a trunk that drops our SYNs cannot hold a call's executor for minutes.
 */
public final class TlsNetworkLayer implements NetworkLayer {
    /** How long a TCP connect to a TLS peer may take before the request fails. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private static final Map<String, Registered> CONTEXTS = new ConcurrentHashMap<>();

    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private volatile Registered tls;

    public TlsNetworkLayer() {
        // Instantiated reflectively by the stack.
    }

    /** Gives the stack named {@code stackName} its TLS context; call before creating the stack. */
    public static void register(String stackName, SSLContext context, boolean verifyPeer) {
        CONTEXTS.put(stackName, new Registered(context, verifyPeer));
    }

    /** Forgets the stack named {@code stackName} (when it stops). */
    public static void unregister(String stackName) {
        CONTEXTS.remove(stackName);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        Registered found = CONTEXTS.get(stack.getStackName());
        if (found == null) {
            throw new IllegalStateException("no TLS context registered for stack " + stack.getStackName());
        }
        tls = found;
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return (SSLServerSocket) tls.context().getServerSocketFactory().createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        SSLSocket socket = (SSLSocket) tls.context().getSocketFactory().createSocket();
        try {
            if (tls.verifyPeer()) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
            }
            if (myAddress != null) {
                socket.bind(new InetSocketAddress(myAddress, 0));
            }
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return plain.createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return plain.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return plain.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return plain.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress) throws SocketException {
        return plain.createDatagramSocket(port, bindAddress);
    }

    private record Registered(SSLContext context, boolean verifyPeer) {
    }
}
