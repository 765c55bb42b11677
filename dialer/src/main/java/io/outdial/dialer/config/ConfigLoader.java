package io.outdial.dialer.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the gateway's YAML configuration file into a checked, immutable {@link GatewayConfig}. */
public final class ConfigLoader {

    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

    // A key written twice would otherwise silently keep the last one; YAML 1.1's yes/no/on/off booleans surprise
    // people (a Norway country code 'NO' becomes false), so only true/false are booleans.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    private ConfigLoader() {
    }

    /** Reads {@code file}; relative paths inside it are resolved against the file's folder. */
    public static GatewayConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String yaml;
        try {
            yaml = Files.readString(absolute, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + absolute + ": " + e.getMessage(), e);
        }
        GatewayConfig config = parse(yaml, absolute.getParent());
        log.info("configuration {}: {} agent(s), {} campaign(s)", absolute, config.agents().size(),
                config.campaigns().size());
        return config;
    }

    /** Parses YAML text; relative paths inside it are resolved against {@code baseDir}. */
    public static GatewayConfig parse(String yaml, Path baseDir) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException("configuration is not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        }
        Path base = baseDir.toAbsolutePath().normalize();
        YamlSection root = YamlSection.root(tree);
        SipSettings sip = SipSettings.read(root.section("sip"), base);
        TrunkSettings trunk = TrunkSettings.read(root.section("trunk"));
        java.util.Map<String, TrunkSettings> namedTrunks = TrunkSettings.readNamed(root.sections("trunks"));
        if (sip.tls() == null) {
            if (trunk.transport() == io.outdial.sip.Transport.TLS) {
                throw new ConfigException("trunk.transport: tls needs sip.tlsPort and sip.tls.keyStore");
            }
            for (java.util.Map.Entry<String, TrunkSettings> named : namedTrunks.entrySet()) {
                if (named.getValue().transport() == io.outdial.sip.Transport.TLS) {
                    throw new ConfigException("trunks[" + named.getKey() + "].transport: tls needs sip.tlsPort and"
                            + " sip.tls.keyStore");
                }
            }
        }
        RtpSettings rtp = RtpSettings.read(root.section("rtp"));
        HttpSettings http = HttpSettings.read(root.section("http"), base);
        DatabaseSettings database = DatabaseSettings.read(root.section("database"), base);
        DialingSettings dialing = DialingSettings.read(root.section("dialing"));
        List<AgentSettings> agents = readAgents(root);
        List<CampaignSettings> campaigns = readCampaigns(root, base, agents, namedTrunks.keySet());
        AudioSettings audio = AudioSettings.read(root.section("audio"), base);
        RecordingSettings recording = RecordingSettings.read(root.section("recording"), base,
                campaigns.stream().map(CampaignSettings::name).collect(Collectors.toSet()));
        BrowserPhoneSettings browserPhone = BrowserPhoneSettings.read(root.section("browserPhone"));
        root.refuseUnknownKeys();
        return new GatewayConfig(sip, trunk, rtp, http, database, dialing, agents, campaigns, audio, namedTrunks,
                recording, browserPhone);
    }

    private static List<AgentSettings> readAgents(YamlSection root) {
        List<AgentSettings> agents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlSection item : root.sections("agents")) {
            AgentSettings agent = AgentSettings.read(item);
            if (!ids.add(agent.id())) {
                throw item.fail("id", "must be unique among agents", agent.id());
            }
            agents.add(agent);
        }
        return agents;
    }

    private static List<CampaignSettings> readCampaigns(YamlSection root, Path base, List<AgentSettings> agents,
                                                        Set<String> namedTrunks) {
        Set<String> agentIds = agents.stream().map(AgentSettings::id).collect(Collectors.toSet());
        String known = agents.isEmpty() ? "none are configured"
                : "configured agents are " + agents.stream().map(AgentSettings::id).collect(Collectors.joining(", "));
        List<CampaignSettings> campaigns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection item : root.sections("campaigns")) {
            CampaignSettings campaign = CampaignSettings.read(item, base);
            if (!names.add(campaign.name())) {
                throw item.fail("name", "must be unique among campaigns", campaign.name());
            }
            Set<String> listed = new HashSet<>();
            for (int i = 0; i < campaign.agents().size(); i++) {
                String id = campaign.agents().get(i);
                String key = item.keyPath("agents") + "[" + i + "]";
                if (!agentIds.contains(id)) {
                    throw new ConfigException(key + ": unknown agent '" + id + "'; " + known);
                }
                if (!listed.add(id)) {
                    throw new ConfigException(key + ": agent '" + id + "' is listed twice");
                }
            }
            if (!campaign.trunk().equals(TrunkSettings.DEFAULT_NAME) && !namedTrunks.contains(campaign.trunk())) {
                throw item.fail("trunk", "must name a trunk: '" + TrunkSettings.DEFAULT_NAME + "' (the trunk: section)"
                        + (namedTrunks.isEmpty() ? "" : " or one of trunks: " + String.join(", ", namedTrunks)),
                        campaign.trunk());
            }
            campaigns.add(campaign);
        }
        return campaigns;
    }
}
