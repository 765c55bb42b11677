package io.outdial.dialer.launch;

import io.outdial.bridge.auth.ApiTokens;
import io.outdial.bridge.auth.PasswordHashes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The command-line helpers that produce what {@code http.auth} keeps: {@code hash-password} reads a password
 * (without echo on a terminal, else one line of standard input) and prints its bcrypt hash; {@code new-token}
 * prints a new API token, once, with the SHA-256 to configure.
 */
final class Credentials {
    private Credentials() {
    }

    /** Returns the exit code. */
    static int hashPassword(PrintStream out, PrintStream err, int cost) throws IOException {
        String password;
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                err.println("the two passwords differ");
                return 2;
            }
            password = new String(first);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < 10) {
            err.println("a password needs at least 10 characters");
            return 2;
        }
        try {
            out.println(PasswordHashes.hash(password, cost));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        return 0;
    }

    static int newToken(PrintStream out) {
        String token = ApiTokens.generate();
        out.println("token (give it to the script, it is shown only now): " + token);
        out.println("sha256 (put it in http.auth.tokens[i].sha256):        " + ApiTokens.sha256(token));
        return 0;
    }
}
