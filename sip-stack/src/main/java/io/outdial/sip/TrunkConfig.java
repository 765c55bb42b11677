package io.outdial.sip;

/**
 * The SIP trunk contacts are dialed through.
 *
 * @param host          the trunk's domain or address, used in the Request-URI ({@code sip:number@host:port})
 * @param port          the trunk's port
 * @param transport     transport towards the trunk
 * @param outboundProxy optional {@code host:port} every request is routed through (loose route), or null
 * @param callerId      the user part of From (the caller id presented to contacts)
 * @param callerName    the display name of From, or null
 */
public record TrunkConfig(String host, int port, Transport transport, String outboundProxy, String callerId,
                          String callerName) {
}
