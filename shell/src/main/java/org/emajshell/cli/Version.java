package org.emajshell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The shell's version, from the build. */
public final class Version {

    private Version() {
    }

    public static String shell() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/emaj-shell-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // an unknown version is shown as such
        }
        return p.getProperty("version", "unknown").replace("-SNAPSHOT", "");
    }
}
