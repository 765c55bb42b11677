package io.outdial.dialer.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Several gateways on one store ({@code database.cluster:} section; ADR 0016). Every record a gateway retrieves is
 * leased to its {@code gatewayId}; the lease lapses {@code leaseDuration} after the last renewal, and then any
 * gateway takes the record back. Campaign state is shared through the store, read every {@code statePoll}.
 *
 * @param gatewayId     this gateway's name in the store, unique among gateways sharing it (default: the host name)
 * @param leaseDuration how long a claim holds without renewal: how soon a dead gateway's records return
 * @param statePoll     how often the gateway reads the campaign state other gateways wrote
 */
public record ClusterSettings(String gatewayId, Duration leaseDuration, Duration statePoll) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public static ClusterSettings defaults() {
        return new ClusterSettings(hostName(), Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    static ClusterSettings read(YamlSection s) {
        ClusterSettings d = defaults();
        String id = s.text("gatewayId", d.gatewayId).trim();
        if (!ID.matcher(id).matches()) {
            throw s.fail("gatewayId", "must be 1..64 letters, digits, '.', '_' or '-', starting with a letter or"
                    + " digit", id);
        }
        Duration lease = s.duration("leaseDuration", d.leaseDuration, Duration.ofSeconds(3), Duration.ofMinutes(10));
        Duration poll = s.duration("statePoll", d.statePoll, Duration.ofMillis(200), Duration.ofMinutes(1));
        s.refuseUnknownKeys();
        return new ClusterSettings(id, lease, poll);
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            String cleaned = host.replaceAll("[^A-Za-z0-9._-]", "-");
            return ID.matcher(cleaned).matches() ? cleaned : "outdial";
        } catch (UnknownHostException e) {
            return "outdial";
        }
    }
}
