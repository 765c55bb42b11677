package io.outdial.dialer.launch;

import io.outdial.bridge.auth.PasswordHashes;
import io.outdial.dialer.Gateway;
import io.outdial.dialer.config.ConfigException;
import io.outdial.dialer.config.ConfigLoader;
import io.outdial.dialer.config.GatewayConfig;
import io.outdial.dialer.demo.Demo;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code outdial-gateway.jar [--config FILE]} runs the gateway until stopped;
 * {@code outdial-gateway.jar demo [--config FILE] [--contacts SIPP_XML] [--list CSV]} runs the sample campaign
 * against SIPp contacts and phones; {@code hash-password} and {@code new-token} print what {@code http.auth} keeps.
 */
public final class Main {
    private static final Path DEFAULT_CONFIG = Path.of("dialer/config/outdial.yaml");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // The CLI's own output: results and usage go to stdout, problems to stderr; logs go through slf4j.
        PrintStream out = System.out;
        PrintStream err = System.err;
        boolean demo = false;
        Path configFile = DEFAULT_CONFIG;
        Path contactScenario = null;
        Path callingList = null;
        if (args.length >= 1 && args[0].equals("hash-password")) {
            int cost = PasswordHashes.COST;
            if (args.length == 3 && args[1].equals("--cost") && args[2].matches("\\d{1,2}")
                    && Integer.parseInt(args[2]) >= PasswordHashes.MIN_COST
                    && Integer.parseInt(args[2]) <= PasswordHashes.MAX_COST) {
                cost = Integer.parseInt(args[2]);
            } else if (args.length != 1) {
                usage(err, "hash-password takes only --cost " + PasswordHashes.MIN_COST + ".." + PasswordHashes.MAX_COST);
                return;
            }
            System.exit(Credentials.hashPassword(out, err, cost));
        }
        if (args.length == 1 && args[0].equals("new-token")) {
            System.exit(Credentials.newToken(out));
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "demo" -> demo = true;
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        usage(err, "--config needs a file");
                        return;
                    }
                    configFile = Path.of(args[++i]);
                }
                case "--contacts", "--list" -> {
                    if (i + 1 >= args.length) {
                        usage(err, args[i] + " needs a file");
                        return;
                    }
                    Path file = Path.of(args[i + 1]);
                    if (!Files.isRegularFile(file)) {
                        usage(err, args[i] + ": no such file " + file);
                        return;
                    }
                    if (args[i].equals("--contacts")) {
                        contactScenario = file;
                    } else {
                        callingList = file;
                    }
                    i++;
                }
                case "-h", "--help" -> {
                    usage(out, null);
                    return;
                }
                default -> {
                    usage(err, "unknown argument '" + args[i] + "'");
                    return;
                }
            }
        }
        if (!Files.isRegularFile(configFile)) {
            err.println("configuration file not found: " + configFile.toAbsolutePath());
            System.exit(2);
        }
        GatewayConfig config;
        try {
            config = ConfigLoader.load(configFile);
        } catch (ConfigException e) {
            err.println("bad configuration in " + configFile + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (demo) {
            System.exit(new Demo(config, configFile, out, contactScenario, callingList).run());
        }
        runUntilStopped(config);
    }

    private static void runUntilStopped(GatewayConfig config) throws InterruptedException {
        Gateway gateway = Gateway.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "outdial-shutdown"));
        stopped.await();
    }

    private static void usage(PrintStream to, String problem) {
        if (problem != null) {
            to.println(problem);
        }
        to.println("usage: java -jar outdial-gateway.jar [--config FILE]                  run the gateway");
        to.println("       java -jar outdial-gateway.jar demo [--config FILE] [--contacts SIPP_XML] [--list CSV]");
        to.println("       java -jar outdial-gateway.jar hash-password [--cost N]  bcrypt hash of a password read"
                + " from stdin (cost 12 unless given, 10..16)");
        to.println("       java -jar outdial-gateway.jar new-token         an API token and the sha256 to configure");
        to.println("  (default FILE: " + DEFAULT_CONFIG + "; the demo plays contacts with SIPp, by default"
                + " sipp-scenarios/contact-farm.xml, and dials the campaign's list unless --list is given)");
        if (problem != null) {
            System.exit(2);
        }
    }
}
