package org.emajshell.repl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the history lives: {@code $XDG_STATE_HOME/emaj-shell/history} when XDG_STATE_HOME is
 * set or ~/.local/state exists, else psql's habit {@code ~/.emaj_shell_history}.
 */
final class HistoryFile {

    private HistoryFile() {
    }

    static Path locate(Map<String, String> env, Path home) {
        String state = env.get("XDG_STATE_HOME");
        if (state != null && !state.isBlank()) {
            return Path.of(state, "emaj-shell", "history");
        }
        Path localState = home.resolve(".local").resolve("state");
        if (Files.isDirectory(localState)) {
            return localState.resolve("emaj-shell").resolve("history");
        }
        return home.resolve(".emaj_shell_history");
    }
}
