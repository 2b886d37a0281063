package org.emajshell.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The start-up file, psql's {@code .psqlrc}: shell commands run after connecting and before
 * anything else, unless -X. The first that exists of: {@code $EMAJSHELLRC},
 * {@code $XDG_CONFIG_HOME/emaj-shell/config} (default {@code ~/.config/emaj-shell/config}),
 * {@code ~/.emajshellrc}. Settings are variables and \pset there:
 * <pre>
 * \pset format markdown     -- default output format
 * \pset pager off           -- or \pset pager always; the pager command comes from PAGER
 * \set COLOR off            -- plain output even on a terminal
 * \set CONFIRM off          -- no questions before a rollback or a drop (like --yes)
 * \set ON_ERROR_STOP off    -- scripts go on after an error
 * </pre>
 */
public final class ConfigFile {

    private ConfigFile() {
    }

    /** The start-up file to run, if there is one. */
    public static Optional<Path> locate(Function<String, String> env, Path home) {
        String explicit = env.apply("EMAJSHELLRC");
        if (explicit != null && !explicit.isBlank()) {
            Path p = expandHome(explicit, home);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        Path configHome = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home == null ? null : home.resolve(".config");
        if (configHome != null) {
            Path p = configHome.resolve("emaj-shell").resolve("config");
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        if (home != null) {
            Path p = home.resolve(".emajshellrc");
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Path expandHome(String path, Path home) {
        if (home != null && (path.equals("~") || path.startsWith("~/"))) {
            return home.resolve(path.substring(Math.min(2, path.length())));
        }
        return Path.of(path);
    }
}
