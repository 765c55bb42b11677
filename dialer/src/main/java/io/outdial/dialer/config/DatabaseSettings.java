package io.outdial.dialer.config;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calling-list database ({@code database:} section).
 *
 * @param url      JDBC URL; a relative H2 file path ({@code jdbc:h2:./data/outdial}) is already resolved against
 *                 the configuration file's folder, so the gateway finds the same data whatever its working folder
 * @param user     database user
 * @param password database password
 * @param poolSize connections in the pool (the size of the dialer's database work pool)
 * @param cluster  this gateway's claims and leases when several share the store ({@code database.cluster})
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, ClusterSettings cluster) {

    public static final DatabaseSettings DEFAULTS = new DatabaseSettings("jdbc:h2:./data/outdial", "sa", "", 4);

    /** A store with the default cluster settings. */
    public DatabaseSettings(String url, String user, String password, int poolSize) {
        this(url, user, password, poolSize, ClusterSettings.defaults());
    }

    // jdbc:h2:[file:]./path or ../path, up to the first ';' (settings follow it).
    private static final Pattern RELATIVE_H2 = Pattern.compile("(jdbc:h2:(?:file:)?)(\\.\\.?/[^;]*)(.*)");

    static DatabaseSettings read(YamlSection s, Path baseDir) {
        DatabaseSettings d = DEFAULTS;
        String url = s.text("url", d.url).trim();
        if (!url.startsWith("jdbc:")) {
            throw s.fail("url", "must be a JDBC URL starting with 'jdbc:'", url);
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql://")) {
            throw s.fail("url", "must be an H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://host:port/database)"
                    + " URL", url.replaceAll("\\?.*", "?..."));
        }
        DatabaseSettings read = new DatabaseSettings(
                resolveH2File(url, baseDir),
                s.text("user", d.user),
                s.text("password", d.password),
                s.integer("poolSize", d.poolSize, 1, 64),
                ClusterSettings.read(s.section("cluster")));
        s.refuseUnknownKeys();
        return read;
    }

    static String resolveH2File(String url, Path baseDir) {
        Matcher m = RELATIVE_H2.matcher(url);
        if (!m.matches()) {
            return url;
        }
        return m.group(1) + baseDir.resolve(m.group(2)).normalize() + m.group(3);
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize
                + ", cluster=" + cluster + "]";
    }
}
