package org.emajshell.emaj;

/**
 * What is installed in the database: the emaj version (null when emaj is absent), whether it is
 * emaj-shell's own extension, and the server version.
 */
public record EmajInfo(String emajVersion, boolean ownExtension, String serverVersion, String database) {

    public boolean installed() {
        return emajVersion != null;
    }

    /** "E-Maj 0.1.0 (own extension)", "E-Maj 5.0.0" or "no E-Maj". */
    public String describeEmaj() {
        if (!installed()) {
            return "no E-Maj installed";
        }
        return "E-Maj " + emajVersion + (ownExtension ? " (own extension)" : "");
    }
}
