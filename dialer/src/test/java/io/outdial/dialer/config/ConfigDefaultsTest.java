package io.outdial.dialer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void emptyFileTakesEveryDocumentedDefault() {
        GatewayConfig c = ConfigLoader.parse("", dir);

        assertEquals(new SipSettings("127.0.0.1", 5060, 5060, "Outdial", 1,
                io.outdial.sip.registrar.RegistrarSettings.defaults()), c.sip());
        assertEquals(new TrunkSettings("127.0.0.1", 5070, Transport.UDP, null, "18005550100", "Outdial", null, null,
                null, null), c.trunk());
        assertEquals(new RtpSettings("127.0.0.1", 20000, 29999, 1), c.rtp());
        assertEquals(new HttpSettings("127.0.0.1", 8080, 10485760, Duration.ofSeconds(30), Duration.ofMinutes(5)),
                c.http());
        assertEquals("jdbc:h2:" + dir.resolve("data/outdial"), c.database().url());
        assertEquals("sa", c.database().user());
        assertEquals("", c.database().password());
        assertEquals(4, c.database().poolSize());
        assertEquals(new DialingSettings(Duration.ofSeconds(30), Duration.ofSeconds(20), ZoneId.of("UTC"),
                Duration.ofSeconds(30), io.outdial.dialer.store.CallingHours.DEFAULT),
                c.dialing());
        assertTrue(c.agents().isEmpty());
        assertTrue(c.campaigns().isEmpty());
    }

    @Test
    void keysLeftOutOfASectionKeepTheirDefaults() {
        GatewayConfig c = ConfigLoader.parse("sip: { udpPort: 5062 }\ntrunk:\n  port: 5080\nrtp:\n", dir);

        assertEquals(5062, c.sip().udpPort());
        assertEquals(5060, c.sip().tcpPort());
        assertEquals(5080, c.trunk().port());
        assertEquals(Transport.UDP, c.trunk().transport());
        assertEquals(RtpSettings.DEFAULTS, c.rtp());
    }

    @Test
    void agentAndCampaignKeysTakeTheirDefaults() {
        GatewayConfig c = ConfigLoader.parse("""
                agents:
                  - id: a1
                campaigns:
                  - name: c1
                """, dir);

        AgentSettings a = c.agents().get(0);
        assertNull(a.secret());
        assertNull(a.phone());
        assertFalse(a.autoReady());
        assertEquals(Duration.ZERO, a.wrapUp());
        CampaignSettings k = c.campaigns().get(0);
        assertEquals("", k.description());
        assertEquals(DialingMode.PROGRESSIVE, k.dialingMode());
        assertTrue(k.agents().isEmpty());
        assertNull(k.callingList());
        assertTrue(k.autoLoad());
        assertFalse(k.autoStart());
        assertEquals(3, k.maxAttempts());
    }

    @Test
    void durationsAreReadInMillisecondsSecondsMinutesAndHours() {
        GatewayConfig c = ConfigLoader.parse("""
                dialing: { ringTimeout: 2m, agentRingTimeout: 1500ms }
                agents:
                  - { id: a1, wrapUp: 1h }
                  - { id: a2, wrapUp: 45s }
                """, dir);

        assertEquals(Duration.ofMinutes(2), c.dialing().ringTimeout());
        assertEquals(Duration.ofMillis(1500), c.dialing().agentRingTimeout());
        assertEquals(Duration.ofHours(1), c.agents().get(0).wrapUp());
        assertEquals(Duration.ofSeconds(45), c.agents().get(1).wrapUp());
    }

    @Test
    void relativeCallingListIsResolvedAgainstTheConfigFilesFolder() throws IOException {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/a.csv"), "contact_info\n2005550101\n");
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, "campaigns:\n  - { name: c1, callingList: lists/a.csv }\n");

        GatewayConfig c = ConfigLoader.load(file);

        assertEquals(dir.resolve("lists/a.csv"), c.campaigns().get(0).callingList());
    }

    @Test
    void relativeH2FileIsResolvedAgainstTheConfigFolderButOtherUrlsAreKept() {
        assertEquals("jdbc:h2:file:" + dir.resolve("db/x") + ";MODE=PostgreSQL",
                ConfigLoader.parse("database: { url: 'jdbc:h2:file:./db/x;MODE=PostgreSQL' }", dir).database().url());
        assertEquals("jdbc:h2:mem:t1;DB_CLOSE_DELAY=-1",
                ConfigLoader.parse("database: { url: 'jdbc:h2:mem:t1;DB_CLOSE_DELAY=-1' }", dir).database().url());
        assertEquals("jdbc:postgresql://db:5432/outdial",
                ConfigLoader.parse("database: { url: 'jdbc:postgresql://db:5432/outdial' }", dir).database().url());
    }

    @Test
    void callWaitingMusicDefaultsToTheHoldMusicAndEngageAgentFirstToOff() {
        GatewayConfig c = ConfigLoader.parse("campaigns:\n  - { name: c1, dialingMode: progressive }\n", dir);
        assertFalse(c.campaigns().get(0).engageAgentFirst());
        assertEquals(c.audio().holdMusic(), c.audio().callWaitingMusic());
        assertTrue(ConfigLoader.parse("campaigns:\n  - { name: c1, dialingMode: predictive, engageAgentFirst: true }\n",
                dir).campaigns().get(0).engageAgentFirst());
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "campaigns:\n  - { name: c1, dialingMode: preview, engageAgentFirst: true }\n", dir));
        ConfigException both = assertThrows(ConfigException.class, () -> ConfigLoader.parse("campaigns:\n  - { name: c1,"
                + " dialingMode: progressive, engageAgentFirst: true, preview: { interactionPreview: true } }\n", dir));
        assertTrue(both.getMessage().contains("cannot be combined with preview.interactionPreview"), both.getMessage());
    }

    @Test
    void everyDialingModeOfTheSeedsParsesAndRuns() {
        GatewayConfig c = ConfigLoader.parse("campaigns:\n  - { name: c1, dialingMode: push_preview }\n", dir);
        assertEquals(DialingMode.PUSH_PREVIEW, c.campaigns().get(0).dialingMode());
        for (DialingMode mode : DialingMode.values()) {
            GatewayConfig one = ConfigLoader.parse("campaigns:\n  - { name: c1, dialingMode: " + mode.wireName() + " }\n",
                    dir);
            assertEquals(mode, one.campaigns().get(0).dialingMode(), mode.wireName());
        }
    }

    @Test
    void previewSectionDefaultsAndValues() {
        GatewayConfig c = ConfigLoader.parse("""
                campaigns:
                  - { name: c1, dialingMode: push_preview }
                  - name: c2
                    dialingMode: push_preview
                    preview: { acceptTimeout: 12s, autoReject: true, autoAnswer: 9s, rejectDuringAutoAnswer: false }
                  - { name: c3, preview: { interactionPreview: true } }
                """, dir);
        assertEquals(io.outdial.dialer.config.PreviewSettings.defaults(), c.campaigns().get(0).preview());
        assertFalse(c.campaigns().get(0).preview().interactionPreview());
        assertEquals(java.time.Duration.ofSeconds(30), c.campaigns().get(0).preview().acceptTimeout());
        assertEquals(new io.outdial.dialer.config.PreviewSettings(false, java.time.Duration.ofSeconds(12), true,
                java.time.Duration.ofSeconds(9), false), c.campaigns().get(1).preview());
        assertTrue(c.campaigns().get(2).preview().interactionPreview());
        assertTrue(DialingMode.PUSH_PREVIEW.pushesPreviews());
        assertTrue(DialingMode.DIRECT_PUSH_PREVIEW.pushesPreviews());
    }

    @Test
    void amdModeDefaultsToAccurateAndPicksItsThresholds() {
        GatewayConfig c = ConfigLoader.parse("""
                campaigns:
                  - { name: c1, detection: { amd: true } }
                  - { name: c2, detection: { amd: true, amdSettings: { mode: fast } } }
                  - { name: c3, detection: { amd: true, amdSettings: { mode: fast, maximumGreeting: 3s } } }
                  - { name: c4, detection: { amdSettings: { beepWindow: 0s, questionRise: 1.2 } } }
                """, dir);
        io.outdial.media.detect.AmdSettings accurate = c.campaigns().get(0).detection().amdSettings();
        assertEquals(io.outdial.media.detect.AmdSettings.ACCURATE, accurate);
        assertEquals(io.outdial.media.detect.AmdMode.ACCURATE, accurate.mode());
        assertEquals(Duration.ofSeconds(8), accurate.maximumGreeting());
        assertEquals(io.outdial.media.detect.AmdSettings.FAST, c.campaigns().get(1).detection().amdSettings());
        io.outdial.media.detect.AmdSettings fastLonger = c.campaigns().get(2).detection().amdSettings();
        assertEquals(io.outdial.media.detect.AmdMode.FAST, fastLonger.mode());
        assertEquals(Duration.ofSeconds(3), fastLonger.maximumGreeting());
        assertEquals(5, fastLonger.maximumWords());
        io.outdial.media.detect.AmdSettings tuned = c.campaigns().get(3).detection().amdSettings();
        assertEquals(Duration.ZERO, tuned.beepWindow());
        assertEquals(1.2, tuned.questionRise());
    }

    @Test
    void previewAutoDialDefaultsAndValues() {
        GatewayConfig c = ConfigLoader.parse("""
                campaigns:
                  - { name: c1, dialingMode: preview }
                  - { name: c2, dialingMode: preview, preview: { autoDial: immediate } }
                  - { name: c3, dialingMode: preview, preview: { autoDial: timed, autoDialAfter: 7s } }
                  - { name: c4, dialingMode: preview, preview: { autoDial: timed } }
                """, dir);
        assertEquals(AutoDial.OFF, c.campaigns().get(0).preview().autoDial());
        assertEquals(AutoDial.IMMEDIATE, c.campaigns().get(1).preview().autoDial());
        assertEquals(AutoDial.TIMED, c.campaigns().get(2).preview().autoDial());
        assertEquals(java.time.Duration.ofSeconds(7), c.campaigns().get(2).preview().autoDialAfter());
        assertEquals(java.time.Duration.ofSeconds(10), c.campaigns().get(3).preview().autoDialAfter());
    }

    @Test
    void dncSectionDefaultsAndValues() {
        GatewayConfig c = ConfigLoader.parse("""
                campaigns:
                  - { name: c1 }
                  - name: c2
                    dnc: { customerIdField: account, validationUrl: 'http://127.0.0.1:9099/check',
                           validationTimeout: 500ms, onUnavailable: dial }
                """, dir);
        DncSettings d = c.campaigns().get(0).dnc();
        assertEquals(DncSettings.defaults(), d);
        assertEquals("customer_id", d.customerIdField());
        assertFalse(d.validates());
        assertEquals(java.time.Duration.ofSeconds(2), d.validationTimeout());
        assertEquals(DncSettings.OnUnavailable.DO_NOT_CALL, d.onUnavailable());
        assertEquals(new DncSettings("account", java.net.URI.create("http://127.0.0.1:9099/check"),
                java.time.Duration.ofMillis(500), DncSettings.OnUnavailable.DIAL), c.campaigns().get(1).dnc());
    }

    @Test
    void predictiveCampaignWithoutPacingSectionGetsTheEngineDefaults() {
        GatewayConfig c = ConfigLoader.parse("campaigns:\n  - { name: c1, dialingMode: predictive }\n", dir);

        assertEquals(io.outdial.dialer.pacing.PacingSettings.predictive(), c.campaigns().get(0).pacing());
    }

    @Test
    void pacingSectionIsReadIntoTheEngineSettings() {
        GatewayConfig c = ConfigLoader.parse("""
                campaigns:
                  - name: c1
                    dialingMode: predictive
                    pacing:
                      method: busy_factor
                      target: 0.9
                      abandonLimit: 0.05
                      abandonWindowDays: 1
                      amdFalsePositiveRate: 0.1
                      countAmdFalsePositives: true
                      noRedialAfterAbandon: 24h
                      smallGroupAgents: 8
                      connectWindow: 1500ms
                      maxLinesPerAgent: 4
                      priorAnswerRate: 0.3
                      priorRingTime: 6s
                      priorTalkTime: 2m
                      priorWrapUp: 10s
                """, dir);

        var p = c.campaigns().get(0).pacing();
        assertEquals(io.outdial.dialer.pacing.PacingMethod.BUSY_FACTOR, p.method());
        assertEquals(0.9, p.target());
        assertEquals(new io.outdial.dialer.pacing.compliance.ComplianceSettings(0.05, 1, 0.1, true,
                Duration.ofHours(24)), p.compliance());
        assertEquals(8, p.smallGroupAgents());
        assertEquals(Duration.ofMillis(1500), p.connectWindow());
        assertEquals(4.0, p.maxLinesPerAgent());
        assertEquals(0.3, p.priorAnswerRate());
        assertEquals(6.0, p.priorRingSeconds());
        assertEquals(120.0, p.priorTalkSeconds());
        assertEquals(10.0, p.priorWrapSeconds());
    }

    @Test
    void progressivePacingTargetIsLinesPerAgentAndAbandonmentTargetFollowsALowerLimit() {
        GatewayConfig c = ConfigLoader.parse("""
                campaigns:
                  - { name: c1, dialingMode: predictive, pacing: { method: progressive, target: 1.5 } }
                  - { name: c2, dialingMode: predictive, pacing: { abandonLimit: 0.01 } }
                """, dir);

        assertEquals(io.outdial.dialer.pacing.PacingSettings.progressive(1.5), c.campaigns().get(0).pacing());
        assertEquals(0.01, c.campaigns().get(1).pacing().target());
    }

    @Test
    void convertsToTheSiblingModulesConfigRecords() {
        GatewayConfig c = ConfigLoader.parse("""
                sip: { host: 10.0.0.5, udpPort: 5062, tcpPort: 0, userAgent: UA, threads: 2 }
                trunk: { host: trunk.example, port: 5080, transport: tcp, outboundProxy: 'edge:5090',
                         callerId: '+15550100', callerName: null }
                rtp: { bindAddress: 10.0.0.5, portMin: 30000, portMax: 30999, ioThreads: 2 }
                http: { host: 0.0.0.0, port: 0, maxBodyBytes: 2048, pingInterval: 10s, idleTimeout: 1m, behindProxy: true }
                """, dir);

        assertEquals(new io.outdial.sip.SipConfig("10.0.0.5", 5062, 0, "UA", 2), c.toSipConfig());
        assertEquals(new io.outdial.sip.TrunkConfig("trunk.example", 5080, Transport.TCP, "edge:5090", "+15550100",
                null), c.toTrunkConfig());
        assertEquals(new io.outdial.media.MediaConfig("10.0.0.5", 30000, 30999, 2), c.toMediaConfig());
        assertEquals(new io.outdial.bridge.BridgeConfig("0.0.0.0", 0, 2048, Duration.ofSeconds(10),
                Duration.ofMinutes(1)), c.toBridgeConfig());
    }

    @Test
    void theTrunksReliableProvisionalAndSessionTimerKeysReachItsDialRequests() {
        GatewayConfig d = ConfigLoader.parse("trunk: { port: 5080 }\n", dir);
        assertEquals(io.outdial.sip.SessionOptions.DEFAULTS, d.toTrunkConfig().session());

        GatewayConfig c = ConfigLoader.parse(
                "trunk: { reliableProvisional: require, sessionExpires: 10m, minSessionExpires: 2m }\n", dir);
        io.outdial.sip.SessionOptions session = c.toTrunkConfig().session();
        assertEquals(io.outdial.sip.ReliableProvisional.REQUIRE, session.reliableProvisional());
        assertEquals(new io.outdial.sip.SessionTimerSettings(Duration.ofMinutes(10), Duration.ofMinutes(2)),
                session.sessionTimer());
        assertEquals(session, io.outdial.sip.DialRequest.contactViaTrunk(c.toTrunkConfig(), "5551234",
                Duration.ofSeconds(30)).session());

        GatewayConfig off = ConfigLoader.parse("trunk: { reliableProvisional: off, sessionExpires: 0s }\n", dir);
        assertEquals(false, off.toTrunkConfig().session().sessionTimer().enabled());
    }

    @Test
    void theSetupLatencyLimitDefaultsToOneSecondAndZeroTurnsBackPressureOff() {
        assertEquals(Duration.ofSeconds(1), ConfigLoader.parse("rtp: { portMin: 30000 }", dir).dialing()
                .setupLatencyLimit());
        assertEquals(Duration.ZERO, ConfigLoader.parse("dialing: { setupLatencyLimit: 0s }", dir).dialing()
                .setupLatencyLimit());
    }

    @Test
    void theRtpInactivityTimeoutReachesTheSipStackAndZeroTurnsItOff() {
        assertEquals(Duration.ofSeconds(60), ConfigLoader.parse("rtp: { portMin: 30000 }", dir).toSipConfig()
                .rtpInactivityTimeout(), "default");
        assertEquals(Duration.ofSeconds(20), ConfigLoader.parse("rtp: { inactivityTimeout: 20s }", dir).toSipConfig()
                .rtpInactivityTimeout());
        assertEquals(Duration.ZERO, ConfigLoader.parse("rtp: { inactivityTimeout: 0s }", dir).toSipConfig()
                .rtpInactivityTimeout());
    }

    @Test
    void configIsImmutable() {
        GatewayConfig c = ConfigLoader.parse("agents: [{ id: a1 }]\ncampaigns: [{ name: c1, agents: [a1] }]", dir);

        assertThrows(UnsupportedOperationException.class, () -> c.agents().clear());
        assertThrows(UnsupportedOperationException.class, () -> c.campaigns().get(0).agents().clear());
    }

    @Test
    void secretsStayOutOfToString() {
        GatewayConfig c = ConfigLoader.parse("database: { password: hunter2 }\nagents: [{ id: a1, secret: s3cr3t }]",
                dir);

        assertFalse(c.toString().contains("hunter2"));
        assertFalse(c.toString().contains("s3cr3t"));
    }
}
