package org.emajshell.repl;

import org.emajshell.connect.Conninfo;

import java.util.Locale;

/**
 * Which lines the REPL may remember. A line that may hold a password is left out of the history,
 * in memory and in the file: {@code password=} in a connection string (any spacing, any case,
 * {@code PGPASSWORD=} too), SQL's {@code PASSWORD '...'}, {@code \password}, a URI with a password
 * in its user info or its query. The test is deliberately broad (any mention of "password" or
 * "passwd"): losing a harmless {@code SELECT rolpassword ...} from the history costs little,
 * storing a secret in a form nobody foresaw costs a lot.
 */
final class HistoryFilter {

    private HistoryFilter() {
    }

    /** True when the line can be stored. */
    static boolean keep(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.contains("password") || lower.contains("passwd")) {
            return false;
        }
        // what is left is a URI's user info (postgresql://user:secret@host): the masking routine knows it
        return !Conninfo.holdsPassword(line);
    }
}
