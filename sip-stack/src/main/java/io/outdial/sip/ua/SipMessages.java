package io.outdial.sip.ua;

import io.outdial.sip.DialRequest;
import io.outdial.sip.SipConfig;
import io.outdial.sip.SipTraffic;
import io.outdial.sip.Transport;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds the requests and responses of the gateway's user agent from typed headers. */
final class SipMessages {
    /** The methods we handle inside our dialogs, advertised in Allow. */
    static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.OPTIONS, Request.INFO, Request.UPDATE);

    private static final int MAX_FORWARDS = 70;
    private static final String CONTACT_USER = "outdial";

    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final SipConfig config;
    private final SipTraffic traffic;

    SipMessages(SipProvider provider, AddressFactory addresses, HeaderFactory headers, MessageFactory messages,
                SipConfig config, SipTraffic traffic) {
        this.traffic = traffic;
        this.provider = provider;
        this.addresses = addresses;
        this.headers = headers;
        this.messages = messages;
        this.config = config;
    }

    /** A fresh random tag for From (RFC 3261 19.3 asks for at least 32 bits of randomness). */
    static String newTag() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** True if a listening point exists for {@code transport}. */
    boolean listensOn(Transport transport) {
        return provider.getListeningPoint(transport.jainName()) != null;
    }

    /** The initial INVITE of an outbound leg, carrying {@code sdp} as its offer. */
    Request invite(DialRequest dial, CallIdHeader callId, String sdp)
            throws ParseException, InvalidArgumentException, SipException {
        String transport = dial.transport().jainName();
        ListeningPoint lp = provider.getListeningPoint(transport);
        if (lp == null) {
            throw new SipException("the gateway has no " + dial.transport() + " listening point");
        }
        URI parsed = addresses.createURI(dial.requestUri());
        if (!(parsed instanceof SipURI requestUri)) {
            throw new ParseException("not a SIP URI: " + dial.requestUri(), 0);
        }
        if (dial.transport() != Transport.UDP && requestUri.getTransportParam() == null) {
            requestUri.setTransportParam(transport);
        }
        SipURI toUri = (SipURI) requestUri.clone();
        toUri.removeParameter("transport");
        ToHeader to = headers.createToHeader(addresses.createAddress(toUri), null);

        String user = dial.fromUser() == null || dial.fromUser().isBlank() ? "anonymous" : dial.fromUser();
        Address fromAddress = addresses.createAddress(addresses.createSipURI(user, config.publicHost()));
        if (dial.fromDisplayName() != null && !dial.fromDisplayName().isBlank()) {
            fromAddress.setDisplayName(dial.fromDisplayName());
        }
        FromHeader from = headers.createFromHeader(fromAddress, newTag());

        ViaHeader via = headers.createViaHeader(publicHost(lp), lp.getPort(), transport, null);
        via.setRPort();
        CSeqHeader cseq = headers.createCSeqHeader(1L, Request.INVITE);
        MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(MAX_FORWARDS);
        Request invite = messages.createRequest(requestUri, Request.INVITE, callId, cseq, from, to,
                List.of(via), maxForwards);

        invite.addHeader(contact(lp));
        for (String method : ALLOWED) {
            invite.addHeader(headers.createAllowHeader(method));
        }
        if (dial.outboundProxy() != null && !dial.outboundProxy().isBlank()) {
            SipURI route = (SipURI) addresses.createURI("sip:" + dial.outboundProxy());
            route.setLrParam();
            if (dial.transport() != Transport.UDP) {
                route.setTransportParam(transport);
            }
            invite.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
        }
        decorate(invite);
        setSdp(invite, sdp);
        return invite;
    }

    /**
     * A REGISTER of {@code user@domain} to {@code registrar} ({@code host:port}), binding our own address on
     * {@code transport} for {@code expires} seconds (0 removes it). The Request-URI is the registrar (RFC 3261
     * 10.2: the domain's registrar; a provider's registrar is usually addressed directly).
     */
    Request register(String registrar, Transport transport, String user, String domain, CallIdHeader callId,
                     long cseq, String fromTag, int expires)
            throws ParseException, InvalidArgumentException, SipException {
        String name = transport.jainName();
        ListeningPoint lp = provider.getListeningPoint(name);
        if (lp == null) {
            throw new SipException("the gateway has no " + transport + " listening point");
        }
        URI parsed = addresses.createURI("sip:" + registrar);
        if (!(parsed instanceof SipURI requestUri)) {
            throw new ParseException("not a SIP URI: " + registrar, 0);
        }
        if (transport != Transport.UDP) {
            requestUri.setTransportParam(name);
        }
        Address aor = addresses.createAddress(addresses.createSipURI(user, domain));
        FromHeader from = headers.createFromHeader(aor, fromTag);
        ToHeader to = headers.createToHeader(aor, null);
        ViaHeader via = headers.createViaHeader(publicHost(lp), lp.getPort(), name, null);
        via.setRPort();
        Request register = messages.createRequest(requestUri, Request.REGISTER, callId,
                headers.createCSeqHeader(cseq, Request.REGISTER), from, to, List.of(via),
                headers.createMaxForwardsHeader(MAX_FORWARDS));
        SipURI contactUri = addresses.createSipURI(user, publicHost(lp));
        contactUri.setPort(lp.getPort());
        if (transport != Transport.UDP) {
            contactUri.setTransportParam(name);
        }
        register.addHeader(headers.createContactHeader(addresses.createAddress(contactUri)));
        register.addHeader(headers.createExpiresHeader(expires));
        decorate(register);
        return register;
    }

    /**
     * An out-of-dialog OPTIONS over UDP to {@code target} (a registered phone's dial URI), from the gateway: the NAT
     * keep-alive. Via carries rport so the answer comes back the way the request went.
     */
    Request options(String target, CallIdHeader callId) throws ParseException, InvalidArgumentException, SipException {
        ListeningPoint lp = provider.getListeningPoint(ListeningPoint.UDP);
        if (lp == null) {
            throw new SipException("the gateway has no UDP listening point");
        }
        URI uri = addresses.createURI(target);
        Address gateway = addresses.createAddress(addresses.createSipURI(CONTACT_USER, publicHost(lp)));
        ViaHeader via = headers.createViaHeader(publicHost(lp), lp.getPort(), ListeningPoint.UDP, null);
        via.setRPort();
        Request options = messages.createRequest(uri, Request.OPTIONS, callId,
                headers.createCSeqHeader(1L, Request.OPTIONS), headers.createFromHeader(gateway, newTag()),
                headers.createToHeader(addresses.createAddress(uri), null), List.of(via),
                headers.createMaxForwardsHeader(MAX_FORWARDS));
        decorate(options);
        return options;
    }

    /** A new Call-ID from the stack. */
    CallIdHeader newCallId() {
        return provider.getNewCallId();
    }

    /**
     * Adds what every message we send carries: the product name (sip.userAgent) as User-Agent on a request and as
     * Server on a response (RFC 3261 20.35, 20.41); neither when it is blank, so scanners learn nothing from it.
     */
    <M extends Message> M decorate(M message) throws ParseException {
        if (message instanceof Response response) {
            traffic.response(SipTraffic.Direction.SENT, response.getStatusCode());
        } else if (message instanceof Request request) {
            traffic.request(SipTraffic.Direction.SENT, request.getMethod());
        }
        if (config.userAgent() != null && !config.userAgent().isBlank()) {
            if (message instanceof Response) {
                message.setHeader(headers.createServerHeader(List.of(config.userAgent())));
            } else {
                message.setHeader(headers.createUserAgentHeader(List.of(config.userAgent())));
            }
        }
        return message;
    }

    /** Sends a response to {@code request} on {@code st}; {@code sdp} and Contact are added when given/needed. */
    void respond(ServerTransaction st, Request request, int status, String reasonPhrase, String sdp)
            throws ParseException, SipException, InvalidArgumentException {
        respond(st, request, status, reasonPhrase, sdp, List.of());
    }

    /** As {@link #respond(ServerTransaction, Request, int, String, String)}, with {@code extra} headers added. */
    void respond(ServerTransaction st, Request request, int status, String reasonPhrase, String sdp,
                 List<javax.sip.header.Header> extra) throws ParseException, SipException, InvalidArgumentException {
        Response response = messages.createResponse(status, request);
        for (javax.sip.header.Header h : extra) {
            response.addHeader(h);
        }
        if (reasonPhrase != null) {
            response.setReasonPhrase(reasonPhrase);
        }
        if (status / 100 == 2 && (request.getMethod().equals(Request.INVITE)
                || request.getMethod().equals(Request.UPDATE))) {
            // Target-refresh requests need our Contact in their 2xx.
            response.addHeader(contact(transportOf(request)));
        }
        if (status == Response.METHOD_NOT_ALLOWED || request.getMethod().equals(Request.OPTIONS)) {
            for (String method : ALLOWED) {
                response.addHeader(headers.createAllowHeader(method));
            }
        }
        if (request.getMethod().equals(Request.OPTIONS) && status / 100 == 2) {
            response.addHeader(headers.createAcceptHeader("application", "sdp"));
        }
        if (status / 100 != 1 && response.getHeader(ToHeader.NAME) instanceof ToHeader to && to.getTag() == null) {
            to.setTag(newTag());
        }
        if (sdp != null) {
            setSdp(response, sdp);
        }
        decorate(response);
        st.sendResponse(response);
    }

    /** A bare response to {@code request} with a To tag, for handlers that add their own headers. */
    Response response(Request request, int status, String reasonPhrase) throws ParseException {
        Response response = messages.createResponse(status, request);
        if (reasonPhrase != null) {
            response.setReasonPhrase(reasonPhrase);
        }
        if (status / 100 != 1 && response.getHeader(ToHeader.NAME) instanceof ToHeader to && to.getTag() == null) {
            to.setTag(newTag());
        }
        return response;
    }

    /** Sends a response built with {@link #response}, with what every message carries. */
    void send(ServerTransaction st, Response response) throws ParseException, SipException, InvalidArgumentException {
        decorate(response);
        st.sendResponse(response);
    }

    HeaderFactory headers() {
        return headers;
    }

    AddressFactory addresses() {
        return addresses;
    }

    /**
     * Answers {@code request} statelessly (RFC 3261 8.2.7): no server transaction, so nothing is retransmitted or kept.
     * The To tag is derived from the request (its Call-ID, From tag and branch), so a retransmission gets the same one.
     */
    void respondStatelessly(Request request, int status, String reasonPhrase)
            throws ParseException, SipException {
        Response response = messages.createResponse(status, request);
        if (reasonPhrase != null) {
            response.setReasonPhrase(reasonPhrase);
        }
        if (status == Response.METHOD_NOT_ALLOWED) {
            for (String method : ALLOWED) {
                response.addHeader(headers.createAllowHeader(method));
            }
        }
        if (response.getHeader(ToHeader.NAME) instanceof ToHeader to && to.getTag() == null) {
            to.setTag(StatelessTags.of(request));
        }
        decorate(response);
        provider.sendResponse(response);
    }

    private ListeningPoint transportOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via == null ? "udp" : via.getTransport().toLowerCase(java.util.Locale.ROOT);
        ListeningPoint lp = provider.getListeningPoint(transport);
        return lp != null ? lp : provider.getListeningPoints()[0];
    }

    /** The host we give peers for {@code lp}: the advertised address if configured, else the bound one. */
    String publicHost(ListeningPoint lp) {
        return config.advertisedHost() == null || config.advertisedHost().isBlank() ? lp.getIPAddress()
                : config.advertisedHost();
    }

    private ContactHeader contact(ListeningPoint lp) throws ParseException {
        SipURI uri = addresses.createSipURI(CONTACT_USER, publicHost(lp));
        uri.setPort(lp.getPort());
        if (!lp.getTransport().equalsIgnoreCase("udp")) {
            uri.setTransportParam(lp.getTransport().toLowerCase(java.util.Locale.ROOT));
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    private void setSdp(Message message, String sdp) throws ParseException {
        ContentTypeHeader type = headers.createContentTypeHeader("application", "sdp");
        message.setContent(sdp, type);
    }

    /** Sets a body of another type than SDP (an INFO's application/dtmf-relay). */
    void setBody(Message message, String type, String subtype, String body) throws ParseException {
        message.setContent(body, headers.createContentTypeHeader(type, subtype));
    }
}
