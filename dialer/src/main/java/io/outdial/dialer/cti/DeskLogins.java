package io.outdial.dialer.cti;

import io.outdial.core.exec.Continuations;
import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.bridge.auth.PasswordHashes;
import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentState;
import io.outdial.dialer.agent.OutboundPreviewState;
import io.outdial.dialer.agent.PhoneDirectory;
import io.outdial.dialer.browserphone.BrowserPhones;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.refusal.Refused;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;

/**
 * A desktop's Login: the agent's secret checked (a bcrypt hash on the password threads, never on the dialer
 * executor), the phone it works with chosen (a SIP URI, the phone registered as the agent, or the browser), an
 * earlier desktop of the same agent closed, and the agent's CTI desktop attached. Decided on the dialer executor.
 */
final class DeskLogins {
    private final CallExecutor dialer;
    private final AgentRoster roster;
    private final Campaigns campaigns;
    private final PhoneDirectory phones;
    private final PasswordChecks secretChecks;
    private final NegotiatedLogout logouts;
    private final BrowserPhones browserPhones;

    DeskLogins(CallExecutor dialer, AgentRoster roster, Campaigns campaigns, PhoneDirectory phones,
               PasswordChecks secretChecks, NegotiatedLogout logouts, BrowserPhones browserPhones) {
        this.dialer = dialer;
        this.roster = roster;
        this.campaigns = campaigns;
        this.phones = phones;
        this.secretChecks = secretChecks;
        this.logouts = logouts;
        this.browserPhones = browserPhones;
    }

    CompletableFuture<CtiEvent> login(CtiCommand.Login login, AgentChannel channel) {
        CompletableFuture<CtiEvent> reply = new CompletableFuture<>();
        dialer.execute(() -> {
            Agent agent = roster.find(login.agentId()).orElse(null);
            String expected = agent == null ? null : agent.profile().secret();
            if (PasswordHashes.isHash(expected)) {
                // bcrypt takes tens of milliseconds: checked on the password threads, decided back on the dialer.
                secretChecks.matches(login.secret(), expected).whenComplete(Continuations.logged("DeskLogins.login",
                        (ok, failure) -> dialer.execute(() -> {
                    if (failure != null) {
                        // Too many logins being checked at once (shift start): not a wrong secret, so not throttled.
                        reply.completeExceptionally(new CtiException(CtiErrorCodes.INTERNAL_ERROR,
                                "the gateway is busy checking logins: try again in a moment"));
                    } else {
                        decideLogin(login, channel, ok, reply);
                    }
                })));
            } else {
                decideLogin(login, channel, secretMatches(expected, login.secret()), reply);
            }
        });
        return reply;
    }

    private void decideLogin(CtiCommand.Login login, AgentChannel channel, boolean secretOk,
                             CompletableFuture<CtiEvent> reply) {
        try {
            reply.complete(loginNow(login, channel, secretOk));
            // After LoggedIn: the notices of campaigns loaded before this login, and the browser phone's settings.
            dialer.execute(() -> campaigns.replayNotices(login.agentId(), new CtiDesktop(channel)));
            dialer.execute(() -> roster.find(login.agentId()).filter(a -> CtiDesktop.channelOf(a) == channel)
                    .ifPresent(a -> browserPhones.loggedIn(a, BrowserPhones.LOGIN_PHONE.equals(login.phone()))));
        } catch (CtiException e) {
            reply.completeExceptionally(e);
        } catch (Refused e) {
            // A refusal of the domain's: the bridge answers the login's future with its CTI error.
            reply.completeExceptionally(CtiWire.exception(e));
        }
    }

    private CtiEvent loginNow(CtiCommand.Login login, AgentChannel channel, boolean secretOk) {
        Agent agent = roster.find(login.agentId())
                .orElseThrow(() -> new CtiException(CtiErrorCodes.UNKNOWN_AGENT, "no agent '" + login.agentId() + "'"));
        if (!secretOk) {
            throw new CtiException(CtiErrorCodes.BAD_CREDENTIALS, "wrong secret for agent '" + login.agentId() + "'");
        }
        String phone = login.phone() == null || login.phone().isBlank() ? agent.profile().phone() : login.phone();
        String registered = null;
        boolean browser = BrowserPhones.LOGIN_PHONE.equals(login.phone());
        if (browser) {
            phone = BrowserPhones.phoneOf(agent.id());
        } else if (phone == null) {
            registered = phones.registeredPhone(agent.id()).orElseThrow(() -> new CtiException(
                    CtiErrorCodes.NO_PHONE_REGISTERED, "no phone is registered as agent '" + agent.id()
                    + "': register your softphone as sip:" + agent.id() + "@<gateway> with your SIP password, "
                    + "or give the SIP URI of your phone at login"));
        } else if (!(phone.startsWith("sip:") || phone.startsWith("sips:")) || !phone.contains("@")) {
            throw new CtiException(CtiErrorCodes.INVALID, "phone must be a SIP URI such as sip:agent1@10.0.0.5:5060"
                    + " or \"" + BrowserPhones.LOGIN_PHONE + "\", got '" + phone + "'");
        }
        AgentChannel previous = CtiDesktop.channelOf(agent);
        if (previous != null && previous != channel && previous.isOpen()) {
            previous.close("agent " + agent.id() + " logged in from another desktop");
        }
        agent.desktop(null);
        if (previous != null && previous != channel) {
            // The browser phone was the other desktop's page: it goes with it (told to nobody).
            browserPhones.end(agent, "the agent logged in from another desktop");
        }
        if (agent.state() == AgentState.LOGGED_OUT) {
            // Before the channel is attached: LoggedIn itself tells the new desktop its state.
            agent.moveTo(AgentState.NOT_READY, "LoggedIn");
        }
        if (agent.outboundPreview() == OutboundPreviewState.LOGGED_OUT) {
            agent.moveOutboundPreview(OutboundPreviewState.NOT_READY, "LoggedIn", null);
        }
        agent.desktop(new CtiDesktop(channel));
        agent.logoutAfterCall(false);
        logouts.forget(agent);
        if (!agent.state().isEngaged()) {
            // A new phone only takes effect between calls.
            if (!browser) {
                // Another phone chosen: the browser phone of an earlier login goes.
                browserPhones.end(agent, "the agent logged in with another phone");
            }
            if (registered != null) {
                agent.useRegisteredPhone(registered);
            } else {
                agent.phone(phone);
            }
        }
        return new CtiEvent.LoggedIn(login.requestId(), agent.id(), agent.state().wireName(),
                CtiWire.campaigns(campaigns.activeFor(agent.id())));
    }

    private static boolean secretMatches(String expected, String given) {
        // An agent configured without a secret is phone-only: no desktop may log in as it.
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
