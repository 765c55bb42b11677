package io.outdial.dialer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad value stops start-up with a message naming the full key, the value and what is allowed. */
class ConfigValidationTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("rtp: { portMin: 70001 }",
                        "rtp.portMin: must be an even number in 1024..65534, got 70001"),
                Arguments.of("rtp: { portMin: 20001 }",
                        "rtp.portMin: must be an even number in 1024..65534, got 20001"),
                Arguments.of("rtp: { portMin: 30000, portMax: 29000 }",
                        "rtp.portMax: must be an integer in 30000..65534, got 29000"),
                Arguments.of("rtp: { ioThreads: 0 }",
                        "rtp.ioThreads: must be an integer in 1..16, got 0"),
                Arguments.of("rtp: { bindAddress: 'not an address' }",
                        "rtp.bindAddress: must be a host name or IP address, got 'not an address'"),
                Arguments.of("trunk: { transport: sctp }",
                        "trunk.transport: must be one of udp, tcp, tls, got 'sctp'"),
                Arguments.of("trunk: { srtp: maybe }",
                        "trunk.srtp: must be one of off, offer, require, got 'maybe'"),
                Arguments.of("trunk: { transport: tls }",
                        "trunk.transport: tls needs sip.tlsPort and sip.tls.keyStore"),
                Arguments.of("sip: { tlsPort: 5061 }",
                        "sip.tls.keyStore: is required when sip.tlsPort is set (a PKCS#12 or PEM file with the"
                                + " gateway's certificate and private key)"),
                Arguments.of("sip: { tls: { keyStore: gw.p12 } }",
                        "sip.tlsPort: must be set (1..65535) when sip.tls names a key or trust store, got 0"),
                Arguments.of("sip: { tlsPort: 5061, tls: { verify: no } }",
                        "sip.tls.verify: unknown key; allowed keys in sip.tls are keyStore, keyStorePassword,"
                                + " trustStore, trustStorePassword, verifyPeer"),
                Arguments.of("trunk: { port: 0 }",
                        "trunk.port: must be an integer in 1..65535, got 0"),
                Arguments.of("trunk: { outboundProxy: edge }",
                        "trunk.outboundProxy: must be host:port or null, got 'edge'"),
                Arguments.of("trunk: { callerId: 'call me' }",
                        "trunk.callerId: must be 1..32 letters, digits, '.', '_' or '-' with an optional leading +,"
                                + " got 'call me'"),
                Arguments.of("trunk: { callerId: 0123 }",
                        "trunk.callerId: must be quoted (\"...\") so that YAML keeps it as written, got 83"),
                Arguments.of("agents: [{ id: a1, phone: 'sip:a1@h', autoReady: yes }]",
                        "agents[0].autoReady: must be true or false, got 'yes'"),
                Arguments.of("trunk: { callerName: 'say \"hi\"' }",
                        "trunk.callerName: must not contain quotes, backslashes or control characters,"
                                + " got 'say \"hi\"'"),
                Arguments.of("sip: { udpPort: 70000 }",
                        "sip.udpPort: must be an integer in 0..65535, got 70000"),
                Arguments.of("sip: { udpPort: 0, tcpPort: 0 }",
                        "sip.tcpPort: at least one of sip.udpPort, sip.tcpPort, sip.tlsPort must be non-zero"
                                + " (0 means none), got 0"),
                Arguments.of("sip: { threads: lots }",
                        "sip.threads: must be an integer in 1..64, got 'lots'"),
                Arguments.of("http: { host: 0.0.0.0 }",
                        "http.host: plain HTTP is only served on a loopback address (127.0.0.1, ::1, localhost):"
                                + " configure http.tls for HTTPS and WSS, or put a TLS reverse proxy in front and set"
                                + " http.behindProxy: true, got '0.0.0.0'"),
                Arguments.of("http: { host: 0.0.0.0, behindProxy: true, auth: { openLab: true } }",
                        "http.auth.openLab: lab open mode (no login) is only allowed on a loopback http.host with no"
                                + " proxy in front, got host '0.0.0.0' and behindProxy: true"),
                Arguments.of("http: { auth: { users: [{ name: sup, role: supervisor, passwordHash: hunter22 }] } }",
                        "http.auth.users[0].passwordHash: must be a bcrypt hash ($2a$, $2b$ or $2y$); a plain password"
                                + " is never accepted (java -jar outdial-gateway.jar hash-password prints one)"),
                Arguments.of("http: { auth: { users: [{ name: sup, role: supervisor, passwordHash: '$2a$04$"
                                + "abcdefghijklmnopqrstuuv8aYl3Z8Df9jN1GsHyR4nJcU1p2M6Ta' }] } }",
                        "http.auth.users[0].passwordHash: a bcrypt cost of at least 10 is required, got 4"),
                Arguments.of("http: { auth: { users: [{ name: a1, role: agent, passwordHash: x }] } }",
                        "http.auth.users[0].role: must be supervisor or admin, got 'agent'"),
                Arguments.of("http: { auth: { tokens: [{ name: ci, role: admin, sha256: odt_abc }] } }",
                        "http.auth.tokens[0].sha256: must be the SHA-256 of a token, 64 hex digits (java -jar"
                                + " outdial-gateway.jar new-token prints a token and its sha256); the token itself is"
                                + " never configured"),
                Arguments.of("http: { auth: { allowedOrigins: ['https://desk.example/page'] } }",
                        "http.auth.allowedOrigins[0]: must be an origin such as https://desk.example.com or"
                                + " http://10.0.0.5:8080 (scheme, host, optional port; no path), got"
                                + " 'https://desk.example/page'"),
                Arguments.of("http: { auth: { lockout: 0s } }",
                        "http.auth.lockout: must be a duration (500ms, 30s, 2m, 1h) in 1s..24h, got '0s'"),
                Arguments.of("http: { tls: { certificate: cert.pem } }",
                        "http.tls.privateKey: is required with certificate"),
                Arguments.of("agents: [{ id: a1, secret: '$2a$12$short' }]",
                        "agents[0].secret: starts like a bcrypt hash but is not one (60 characters, $2a$/$2b$/$2y$;"
                                + " java -jar outdial-gateway.jar hash-password prints one)"),
                Arguments.of("http: { port: [8080] }",
                        "http.port: must be an integer in 0..65535, got a list"),
                Arguments.of("http: { maxBodyBytes: 10 }",
                        "http.maxBodyBytes: must be an integer in 1024..2147483647, got 10"),
                Arguments.of("http: { pingInterval: 0s }",
                        "http.pingInterval: must be a duration (500ms, 30s, 2m, 1h) in 1s..1h, got '0s'"),
                Arguments.of("http: { pingInterval: 1m, idleTimeout: 30s }",
                        "http.idleTimeout: must be a duration (500ms, 30s, 2m, 1h) in 1m..24h, got '30s'"),
                Arguments.of("database: { url: 'h2:mem:x' }",
                        "database.url: must be a JDBC URL starting with 'jdbc:', got 'h2:mem:x'"),
                Arguments.of("database: { poolSize: 0 }",
                        "database.poolSize: must be an integer in 1..64, got 0"),
                Arguments.of("dialing: { ringTimeout: 10s }",
                        "dialing.ringTimeout: must be a duration (500ms, 30s, 2m, 1h) in 15s..5m, got '10s'"),
                Arguments.of("dialing: { ringTimeout: 30 }",
                        "dialing.ringTimeout: must be a duration (500ms, 30s, 2m, 1h) in 15s..5m, got 30"),
                Arguments.of("dialing: { agentRingTimeout: 20 seconds }",
                        "dialing.agentRingTimeout: must be a duration (500ms, 30s, 2m, 1h) in 1s..5m,"
                                + " got '20 seconds'"),
                Arguments.of("dialing: { defaultTimeZone: Mars/Olympus }",
                        "dialing.defaultTimeZone: must be an IANA time zone id such as UTC or America/New_York,"
                                + " got 'Mars/Olympus'"),
                Arguments.of("agents: [{ secret: s }]",
                        "agents[0].id: is required"),
                Arguments.of("agents: [{ id: 'agent one' }]",
                        "agents[0].id: must be 1..64 letters, digits, '.', '_' or '-', got 'agent one'"),
                Arguments.of("agents: [{ id: a1 }, { id: a1 }]",
                        "agents[1].id: must be unique among agents, got 'a1'"),
                Arguments.of("agents: [{ id: a1, phone: '127.0.0.1:5080' }]",
                        "agents[0].phone: must be a SIP URI such as sip:agent1@127.0.0.1:5080, got '127.0.0.1:5080'"),
                Arguments.of("agents: [{ id: a1, autoReady: true }]",
                        "agents[0].phone: is required when autoReady is true, got null"),
                Arguments.of("agents: [{ id: a1, autoReady: maybe }]",
                        "agents[0].autoReady: must be true or false, got 'maybe'"),
                Arguments.of("agents: [{ id: a1, wrapUp: 2h }]",
                        "agents[0].wrapUp: must be a duration (500ms, 30s, 2m, 1h) in 0s..1h, got '2h'"),
                Arguments.of("agents: { id: a1 }",
                        "agents: must be a list, got a mapping"),
                Arguments.of("agents: [a1]",
                        "agents[0]: must be a mapping of keys, got 'a1'"),
                Arguments.of("agents: [{ id: alice }]\ncampaigns: [{ name: c0 }, { name: c1, agents: [bob] }]",
                        "campaigns[1].agents[0]: unknown agent 'bob'; configured agents are alice"),
                Arguments.of("agents: [{ id: alice }]\ncampaigns: [{ name: c1, agents: [alice, alice] }]",
                        "campaigns[0].agents[1]: agent 'alice' is listed twice"),
                Arguments.of("campaigns: [{ name: c1, detection: { callProgress: always } }]",
                        "campaigns[0].detection.callProgress: must be one of off, on_dial, on_connect, got 'always'"),
                Arguments.of("campaigns: [{ name: c1, detection: { amd: true, onMachine: message } }]",
                        "campaigns[0].detection.machineMessage: is required when onMachine is message (a WAV file)"),
                Arguments.of("campaigns: [{ name: c1, detection: { amdSettings: { maximumWords: 0 } } }]",
                        "campaigns[0].detection.amdSettings.maximumWords: must be an integer in 1..100, got 0"),
                Arguments.of("campaigns: [{ name: c1, detection: { amdSettings: { mode: quick } } }]",
                        "campaigns[0].detection.amdSettings.mode: must be one of accurate, fast, got 'quick'"),
                Arguments.of("campaigns: [{ name: c1, detection: { amdSettings: { questionRise: 0.9 } } }]",
                        "campaigns[0].detection.amdSettings.questionRise: must be a number in 1..2, got 0.9"),
                Arguments.of("campaigns: [{ name: c1, detection: { amdSettings: { speechLevelDbfs: 3 } } }]",
                        "campaigns[0].detection.amdSettings.speechLevelDbfs: must be a number in -90..0, got 3"),
                Arguments.of("campaigns: [{ name: c1, detection: { amdSetings: {} } }]",
                        "campaigns[0].detection.amdSetings: unknown key; allowed keys in campaigns[0].detection are"
                                + " callProgress, fax, silence, amd, onMachine, onNotSure, machineMessage,"
                                + " greetingEndSilence, greetingWaitLimit, amdSettings"),
                Arguments.of("campaigns: [{ name: c1 }, { name: c1 }]",
                        "campaigns[1].name: must be unique among campaigns, got 'c1'"),
                Arguments.of("campaigns: [{ description: x }]",
                        "campaigns[0].name: is required"),
                Arguments.of("campaigns: [{ name: 'my campaign' }]",
                        "campaigns[0].name: must be 1..64 letters, digits, '_' or '-' (it appears in URLs),"
                                + " got 'my campaign'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: turbo }]",
                        "campaigns[0].dialingMode: must be one of preview, push_preview, direct_push_preview,"
                                + " progressive, predictive, assured_connection, got 'turbo'"),
                Arguments.of("campaigns: [{ name: c1, dispositionCodes: [Accepted, Accepted] }]",
                        "campaigns[0].dispositionCodes: must be distinct, non-blank codes of at most 64 characters,"
                                + " got 'Accepted'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: preview, preview: { acceptTimeout: 10s } }]",
                        "campaigns[0].preview.acceptTimeout: does not apply to dialingMode preview (the agent Calls"
                                + " or Declines; use autoDial / autoDialAfter), got 'an Accept / Reject setting'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: assured_connection, preview: { acceptTimeout: 5s"
                                + " } }]",
                        "campaigns[0].preview: applies only to dialingMode preview, push_preview,"
                                + " direct_push_preview, progressive and predictive; this campaign's mode is"
                                + " assured_connection, got 'a mapping'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: predictive, preview: { autoDial: timed } }]",
                        "campaigns[0].preview.autoDial: applies only to dialingMode preview; this campaign's mode"
                                + " is predictive, got 'an auto-dial setting'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: push_preview, preview: { autoDial: timed } }]",
                        "campaigns[0].preview.autoDial: applies only to dialingMode preview; this campaign's mode"
                                + " is push_preview, got 'an auto-dial setting'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: preview, preview: { autoDial: later } }]",
                        "campaigns[0].preview.autoDial: must be one of off, immediate, timed, got 'later'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: preview, preview: { autoDialAfter: 5s } }]",
                        "campaigns[0].preview.autoDialAfter: applies only with autoDial: timed, got 'autoDial: off'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: preview, preview: { autoDial: timed,"
                                + " autoDialAfter: 0s } }]",
                        "campaigns[0].preview.autoDialAfter: must be a duration (500ms, 30s, 2m, 1h) in 1s..10m,"
                                + " got '0s'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: push_preview, preview: { interactionPreview:"
                                + " true } }]",
                        "campaigns[0].preview.interactionPreview: applies only to dialingMode progressive and"
                                + " predictive (push_preview and direct_push_preview always preview); this campaign's mode is"
                                + " push_preview, got 'a flag'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: push_preview, preview: { acceptTimeout: 0s } }]",
                        "campaigns[0].preview.acceptTimeout: must be a duration (500ms, 30s, 2m, 1h) in 1s..10m,"
                                + " got '0s'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: push_preview, preview: { autoAnswer: soon } }]",
                        "campaigns[0].preview.autoAnswer: must be a duration (500ms, 30s, 2m, 1h) in 0s..5m,"
                                + " got 'soon'"),
                Arguments.of("campaigns: [{ name: c1, preview: { autoReply: true } }]",
                        "campaigns[0].preview.autoReply: unknown key; allowed keys in campaigns[0].preview are"
                                + " interactionPreview, acceptTimeout, autoReject, autoAnswer, rejectDuringAutoAnswer, autoDial,"
                                + " autoDialAfter"),
                Arguments.of("campaigns: [{ name: c1, maxAttempts: 0 }]",
                        "campaigns[0].maxAttempts: must be an integer in 1..100, got 0"),
                Arguments.of("campaigns: [{ name: c1, autoLoad: false, autoStart: true }]",
                        "campaigns[0].autoStart: can be true only when autoLoad is true, got true"),
                Arguments.of("campaigns: [{ name: c1, agents: bob }]",
                        "campaigns[0].agents: must be a list of values, got 'bob'"),
                Arguments.of("trunk: { transprt: udp }",
                        "trunk.transprt: unknown key; allowed keys in trunk are host, port, transport, outboundProxy,"
                                + " callerId, callerName, username, password, realm, registration, reliableProvisional,"
                                + " sessionExpires, minSessionExpires, srtp"),
                Arguments.of("trunk: { reliableProvisional: always }",
                        "trunk.reliableProvisional: must be one of supported, require, off, got 'always'"),
                Arguments.of("trunk: { sessionExpires: 30s }",
                        "trunk.sessionExpires: must be 0s (no session timer) or at least 90s (RFC 4028), got PT30S"),
                Arguments.of("trunk: { sessionExpires: 100s, minSessionExpires: 120s }",
                        "trunk.sessionExpires: must be at least trunk.minSessionExpires (120s), got PT1M40S"),
                Arguments.of("trunk: { minSessionExpires: 60s }",
                        "trunk.minSessionExpires: must be a duration (500ms, 30s, 2m, 1h) in 90s..1h, got '60s'"),
                Arguments.of("sip: { advertisedAddress: \"a b\" }",
                        "sip.advertisedAddress: must be a host name or IP address, got 'a b'"),
                Arguments.of("rtp: { advertisedAddress: \"203.0.113.7:4000\" }",
                        "rtp.advertisedAddress: must be a host name or IP address, got '203.0.113.7:4000'"),
                Arguments.of("campaigns: [{ name: c1, trunk: carrier-x }]",
                        "campaigns[0].trunk: must name a trunk: 'default' (the trunk: section), got 'carrier-x'"),
                Arguments.of("trunks: [{ name: b, host: 10.0.0.9 }]\ncampaigns: [{ name: c1, trunk: carrier-x }]",
                        "campaigns[0].trunk: must name a trunk: 'default' (the trunk: section) or one of trunks: b,"
                                + " got 'carrier-x'"),
                Arguments.of("trunks: [{ name: b }]", "trunks[0].host: is required for a named trunk"),
                Arguments.of("trunks: [{ name: default, host: 10.0.0.9 }]",
                        "trunks[0].name: must be unique among trunks ('default' is the trunk: section), got 'default'"),
                Arguments.of("campaigns: [{ name: c1, callerIds: [{ number: 18005550111 }] }]",
                        "campaigns[0].callerIds[0].number: must be quoted (\"...\") so that YAML keeps it as written,"
                                + " got 18005550111"),
                Arguments.of("campaigns: [{ name: c1, callerIds: [{ number: \"1 800\" }] }]",
                        "campaigns[0].callerIds[0].number: must be 1..32 letters, digits, '.', '_' or '-' with an"
                                + " optional leading +, got '1 800'"),
                Arguments.of("campaigns: [{ name: c1, callerIds: [{ number: \"1\" }, { number: \"1\" }] }]",
                        "campaigns[0].callerIds[1].number: must be distinct within the campaign's callerIds, got '1'"),
                Arguments.of("campaigns: [{ name: c1, callerIds: [{ number: \"1\", nam: x }] }]",
                        "campaigns[0].callerIds[0].nam: unknown key; allowed keys in campaigns[0].callerIds[0] are"
                                + " number, name"),
                Arguments.of("sip: { outOfDialog: { burst: 0 } }",
                        "sip.outOfDialog.burst: must be an integer in 1..1000000, got 0"),
                Arguments.of("sip: { outOfDialog: { perSecnd: 5 } }",
                        "sip.outOfDialog.perSecnd: unknown key; allowed keys in sip.outOfDialog are perSecond, burst,"
                                + " sources"),
                Arguments.of("sip: { registrar: { natKeepAlive: 2s } }",
                        "sip.registrar.natKeepAlive: must be 0s (off) or at least 5s, got '2s'"),
                Arguments.of("trunk: { registration: { expires: 60s } }",
                        "trunk.registration.user: required (or trunk.username): the account to register"),
                Arguments.of("trunk: { registration: { user: \"a b\" } }",
                        "trunk.registration.user: must be 1..64 letters, digits or . _ ~ + -, got 'a b'"),
                Arguments.of("trunk: { registration: { user: acme, registrar: nowhere } }",
                        "trunk.registration.registrar: must be host:port, got 'nowhere'"),
                Arguments.of("trunk: { registration: { user: acme, expires: 10s } }",
                        "trunk.registration.expires: must be a duration (500ms, 30s, 2m, 1h) in 1m..24h, got '10s'"),
                Arguments.of("trunk: { registration: { user: acme, retryMin: 30s, retryMax: 10s } }",
                        "trunk.registration.retryMax: must be at least retryMin (30s), got '10s'"),
                Arguments.of("campaigns: [{ name: c1, autostart: true }]",
                        "campaigns[0].autostart: unknown key; allowed keys in campaigns[0] are name, description,"
                                + " dialingMode, agents, callingList, autoLoad, autoStart, maxAttempts, detection,"
                                + " dispositionCodes, pacing, treatments, preview, engageAgentFirst, dnc, recordFields,"
                                + " callbacks, markDone, resultRequiredBeforeTransfer, recordFollowsTransfer, trunk, callerIds"),
                Arguments.of("campaigns: [{ name: c1, pacing: { method: abandonment_rate } }]",
                        "campaigns[0].pacing: applies only to dialingMode predictive; this campaign's mode is"
                                + " progressive, got 'a mapping'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: predictive, pacing: { method: fastest } }]",
                        "campaigns[0].pacing.method: must be one of progressive, abandonment_rate, busy_factor,"
                                + " agent_wait, got 'fastest'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: predictive, pacing: { target: 0.05 } }]",
                        "campaigns[0].pacing.target: must not be above abandonLimit (0.03) for method"
                                + " abandonment_rate, got 0.05"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: predictive,"
                                + " pacing: { method: busy_factor, target: 1.5 } }]",
                        "campaigns[0].pacing.target: must be a number in 0.01..0.99, got 1.5"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: predictive,"
                                + " pacing: { method: progressive, target: 3, maxLinesPerAgent: 2 } }]",
                        "campaigns[0].pacing.target: must not be above maxLinesPerAgent (2.0) for method"
                                + " progressive, got 3.0"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: predictive, pacing: { abandonLimit: 3 } }]",
                        "campaigns[0].pacing.abandonLimit: must be a number in 0.001..0.5, got 3"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: predictive, pacing: { connectWindow: 5s } }]",
                        "campaigns[0].pacing.connectWindow: must be a duration (500ms, 30s, 2m, 1h) in 500ms..2s,"
                                + " got '5s'"),
                Arguments.of("campaigns: [{ name: c1, dialingMode: predictive, pacing: { linesPerAgent: 2 } }]",
                        "campaigns[0].pacing.linesPerAgent: unknown key; allowed keys in campaigns[0].pacing are"
                                + " method, abandonLimit, abandonWindowDays, amdFalsePositiveRate,"
                                + " countAmdFalsePositives, noRedialAfterAbandon, smallGroupAgents, connectWindow,"
                                + " maxLinesPerAgent, priorAnswerRate, priorRingTime, priorTalkTime, priorWrapUp,"
                                + " target"),
                Arguments.of("campaigns: [{ name: c1, treatments: [{ result: busi, action: retry }] }]",
                        "campaigns[0].treatments[0].result: must be a call result (name such as busy or no_answer,"
                                + " label, or code), got 'busi'"),
                Arguments.of("campaigns: [{ name: c1, treatments: [{ result: busy, action: redial }] }]",
                        "campaigns[0].treatments[0].action: must be one of retry, retry_at, next_in_chain, cancel,"
                                + " got 'redial'"),
                Arguments.of("campaigns: [{ name: c1, treatments: [{ result: busy, action: retry_at, at: noon }] }]",
                        "campaigns[0].treatments[0].at: must be a time of day (HH:MM, the next one to come) or a"
                                + " local date-time (YYYY-MM-DDTHH:MM), in the contact's time zone, got 'noon'"),
                Arguments.of("campaigns: [{ name: c1, treatments: [{ result: busy, action: cancel },"
                                + " { result: 6, action: retry }] }]",
                        "campaigns[0].treatments[1].result: must be unique among the campaign's treatments,"
                                + " got 'BUSY'"),
                Arguments.of("campaigns: [{ name: c1, treatments: [{ result: busy, action: cancel, after: 5m }] }]",
                        "campaigns[0].treatments[0].after: unknown key; allowed keys in campaigns[0].treatments[0]"
                                + " are result, action"),
                Arguments.of("campaigns: [{ name: c1, dnc: { validationUrl: 'ftp://127.0.0.1/x' } }]",
                        "campaigns[0].dnc.validationUrl: must be an http:// or https:// URL, got 'ftp://127.0.0.1/x'"),
                Arguments.of("campaigns: [{ name: c1, dnc: { onUnavailable: maybe } }]",
                        "campaigns[0].dnc.onUnavailable: must be one of do_not_call, dial, got 'maybe'"),
                Arguments.of("campaigns: [{ name: c1, dnc: { validationTimeout: 1m } }]",
                        "campaigns[0].dnc.validationTimeout: must be a duration (500ms, 30s, 2m, 1h) in"
                                + " 100ms..30s, got '1m'"),
                Arguments.of("campaigns: [{ name: c1, dnc: { url: 'http://127.0.0.1/' } }]",
                        "campaigns[0].dnc.url: unknown key; allowed keys in campaigns[0].dnc are customerIdField,"
                                + " validationUrl, validationTimeout, onUnavailable"),
                Arguments.of("dialing: { defaultCallingHours: 21:00-08:00 }",
                        "dialing.defaultCallingHours: must be HH:MM-HH:MM within 00:00-24:00, start before end,"
                                + " got '21:00-08:00'"),
                Arguments.of("sipp: {}",
                        "sipp: unknown key; allowed keys at the top level are sip, trunk, trunks, rtp, http, database,"
                                + " dialing, agents, campaigns, audio, recording, browserPhone"),
                Arguments.of("rtp: 20000",
                        "rtp: must be a mapping of keys, got 20000"),
                Arguments.of("campaigns: [{ name: c1, recordFields: [{ name: plan, type: list }] }]",
                        "campaigns[0].recordFields[0].type: must be one of text, checkbox, datetime, dropdown,"
                                + " got 'list'"),
                Arguments.of("campaigns: [{ name: c1, recordFields: [{ name: plan, type: dropdown }] }]",
                        "campaigns[0].recordFields[0].options: must list the choices of a dropdown field,"
                                + " got '[]'"),
                Arguments.of("campaigns: [{ name: c1, recordFields: [{ name: vip, type: checkbox, options: [a] }] }]",
                        "campaigns[0].recordFields[0].options: applies only to type dropdown; this field's type is"
                                + " checkbox, got 'a'"),
                Arguments.of("campaigns: [{ name: c1, recordFields: [{ name: a }, { name: a }] }]",
                        "campaigns[0].recordFields[1].name: must be distinct within the campaign's recordFields,"
                                + " got 'a'"),
                Arguments.of("campaigns: [{ name: c1, recordFields: [{ name: a, edit: true }] }]",
                        "campaigns[0].recordFields[0].edit: unknown key; allowed keys in campaigns[0].recordFields[0]"
                                + " are name, label, type, options, editable, required"),
                Arguments.of("campaigns: [{ name: c1, callbacks: { type: team } }]",
                        "campaigns[0].callbacks.type: must be one of any, personal, campaign, got 'team'"),
                Arguments.of("campaigns: [{ name: c1, callbacks: { absentAgent: drop } }]",
                        "campaigns[0].callbacks.absentAgent: must be one of wait, campaign, missed, got 'drop'"),
                Arguments.of("campaigns: [{ name: c1, markDone: auto }]",
                        "campaigns[0].markDone: must be one of manual, on_end, on_disposition, got 'auto'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueIsRefusedWithItsKeyValueAndWhatIsAllowed(String yaml, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, dir));
        assertEquals(message, e.getMessage());
    }

    @Test
    void machineMessageMustBeAnExistingWavAndOnlyForTheMessageTreatment() throws Exception {
        String key = "campaigns[0].detection.machineMessage: ";
        ConfigException unused = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "campaigns: [{ name: c1, detection: { machineMessage: vm.wav } }]", dir));
        assertEquals(key + "is used only with onMachine: message, got '" + dir.resolve("vm.wav") + "'",
                unused.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "campaigns: [{ name: c1, detection: { onMachine: message, machineMessage: none.wav } }]", dir));
        assertTrue(missing.getMessage().startsWith(key + "must name an existing WAV file"), missing.getMessage());
        java.nio.file.Files.writeString(dir.resolve("text.wav"), "not audio");
        ConfigException notWav = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "campaigns: [{ name: c1, detection: { onMachine: message, machineMessage: text.wav } }]", dir));
        assertTrue(notWav.getMessage().startsWith(key + "must be a WAV file of 8 or 16 kHz PCM or G.711"),
                notWav.getMessage());
    }

    @Test
    void tlsFilesMustExistAndBeAUsablePairAndAKeystorePasswordIsNeverShown() throws Exception {
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "http: { tls: { certificate: c.pem, privateKey: k.pem } }", dir));
        assertEquals("http.tls.certificate: no readable file " + dir.resolve("c.pem"), missing.getMessage());
        java.nio.file.Files.writeString(dir.resolve("c.pem"), "not a certificate");
        java.nio.file.Files.writeString(dir.resolve("k.pem"), "nor a key");
        ConfigException unusable = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "http: { tls: { certificate: c.pem, privateKey: k.pem } }", dir));
        assertTrue(unusable.getMessage().startsWith("http.tls.certificate: cannot use " + dir.resolve("c.pem")),
                unusable.getMessage());
        java.nio.file.Files.writeString(dir.resolve("ks.p12"), "not a keystore");
        ConfigException keystore = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "http: { tls: { keystore: ks.p12, keystorePassword: 'pw-Secret-42' } }", dir));
        assertTrue(keystore.getMessage().startsWith("http.tls.keystore: cannot open "), keystore.getMessage());
        assertFalse(keystore.getMessage().contains("pw-Secret-42"));
    }

    @Test
    void missingCallingListFileIsRefusedWithItsResolvedPath() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("campaigns: [{ name: c1, callingList: nowhere.csv }]", dir));
        assertEquals("campaigns[0].callingList: must name an existing CSV file (relative paths start at the"
                + " configuration file's folder), got '" + dir.resolve("nowhere.csv") + "'", e.getMessage());
    }

    @Test
    void trunkSrtpReadsYamlsUnquotedOffAsOff() {
        assertEquals(io.outdial.sip.SrtpMode.OFF, ConfigLoader.parse("trunk: { srtp: off }", dir).trunk().srtp());
        assertEquals(io.outdial.sip.SrtpMode.REQUIRE,
                ConfigLoader.parse("trunk: { srtp: require }", dir).toTrunkConfig().srtp());
    }

    @Test
    void tlsKeyStoreThatCannotBeReadIsRefusedWithItsPathAndWhy() throws Exception {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("sip: { tlsPort: 5061, tls: { keyStore: none.p12 } }", dir));
        assertEquals("sip.tls.keyStore: " + dir.resolve("none.p12") + ": no such readable file",
                missing.getMessage());
        io.outdial.sip.testing.TestPki.Issued gw = io.outdial.sip.testing.TestPki.authority(dir.resolve("pki"), "ca")
                .issue("gw", "ip:127.0.0.1");
        ConfigException wrongPassword = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "sip: { tlsPort: 5061, tls: { keyStore: '" + gw.pkcs12() + "', keyStorePassword: nope } }", dir));
        assertTrue(wrongPassword.getMessage().startsWith("sip.tls.keyStore: " + gw.pkcs12()
                + ": cannot be read as PKCS#12 (wrong password"), wrongPassword.getMessage());
        ConfigException badTrust = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "sip: { tlsPort: 5061, tls: { keyStore: '" + gw.pkcs12() + "', keyStorePassword: '"
                        + io.outdial.sip.testing.TestPki.PASSWORD + "', trustStore: '" + gw.keyPem() + "' } }", dir));
        assertEquals("sip.tls.trustStore: " + gw.keyPem() + ": no CERTIFICATE block", badTrust.getMessage());
    }

    @Test
    void malformedYamlIsRefusedWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("sip:\n  host: [127.0.0.1\n", dir));
        assertTrue(e.getMessage().startsWith("configuration is not valid YAML at line "), e.getMessage());
    }

    @Test
    void keyWrittenTwiceIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("trunk:\n  port: 5070\n  port: 5080\n", dir));
        assertTrue(e.getMessage().contains("port"), e.getMessage());
    }

    @Test
    void fileThatIsNotAMappingIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("- sip\n- trunk\n", dir));
        assertEquals("the configuration must be a mapping of sections (sip, trunk, ...), got a list", e.getMessage());
    }

    @Test
    void unreadableFileIsRefusedWithItsPath() {
        Path missing = dir.resolve("absent.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertTrue(e.getMessage().startsWith("cannot read configuration file " + missing), e.getMessage());
    }
}
