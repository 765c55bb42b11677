package io.outdial.dialer.config;

import io.outdial.bridge.BridgeConfig;
import io.outdial.media.MediaConfig;
import io.outdial.sip.SipConfig;
import io.outdial.sip.TrunkConfig;
import java.util.List;
import java.util.Optional;

/** The whole gateway configuration, immutable and already checked; built by {@link ConfigLoader}. */
public record GatewayConfig(SipSettings sip, TrunkSettings trunk, RtpSettings rtp, HttpSettings http,
                            DatabaseSettings database, DialingSettings dialing, List<AgentSettings> agents,
                            List<CampaignSettings> campaigns, AudioSettings audio,
                            java.util.Map<String, TrunkSettings> namedTrunks, RecordingSettings recording,
                            BrowserPhoneSettings browserPhone) {

    public GatewayConfig {
        if (browserPhone == null) {
            browserPhone = BrowserPhoneSettings.NONE;
        }
        agents = List.copyOf(agents);
        campaigns = List.copyOf(campaigns);
        namedTrunks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(namedTrunks));
        if (recording == null) {
            recording = RecordingSettings.none(java.nio.file.Path.of("").toAbsolutePath());
        }
    }

    /** A configuration whose browser phones are given no ICE server. */
    public GatewayConfig(SipSettings sip, TrunkSettings trunk, RtpSettings rtp, HttpSettings http,
                         DatabaseSettings database, DialingSettings dialing, List<AgentSettings> agents,
                         List<CampaignSettings> campaigns, AudioSettings audio,
                         java.util.Map<String, TrunkSettings> namedTrunks, RecordingSettings recording) {
        this(sip, trunk, rtp, http, database, dialing, agents, campaigns, audio, namedTrunks, recording, null);
    }

    /** A configuration with one trunk that records no call. */
    public GatewayConfig(SipSettings sip, TrunkSettings trunk, RtpSettings rtp, HttpSettings http,
                         DatabaseSettings database, DialingSettings dialing, List<AgentSettings> agents,
                         List<CampaignSettings> campaigns, AudioSettings audio) {
        this(sip, trunk, rtp, http, database, dialing, agents, campaigns, audio, java.util.Map.of(), null, null);
    }

    /** Every trunk by name: the {@code trunk:} section as {@value TrunkSettings#DEFAULT_NAME}, then {@code trunks:}. */
    public java.util.Map<String, TrunkSettings> trunks() {
        java.util.Map<String, TrunkSettings> all = new java.util.LinkedHashMap<>();
        all.put(TrunkSettings.DEFAULT_NAME, trunk);
        all.putAll(namedTrunks);
        return all;
    }

    public Optional<AgentSettings> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<CampaignSettings> campaign(String name) {
        return campaigns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public SipConfig toSipConfig() {
        io.outdial.sip.SipConfig s = sip.toSipConfig();
        return new io.outdial.sip.SipConfig(s.host(), s.udpPort(), s.tcpPort(), s.userAgent(), s.threads(),
                rtp.inactivityTimeout(), s.advertisedHost(), s.tls());
    }

    public TrunkConfig toTrunkConfig() {
        return trunk.toTrunkConfig();
    }

    public MediaConfig toMediaConfig() {
        return rtp.toMediaConfig();
    }

    public BridgeConfig toBridgeConfig() {
        return http.toBridgeConfig();
    }
}
