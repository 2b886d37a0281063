package org.emajshell.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The assembled emaj extension files, as bundled in the jar by the build
 * (resources under {@code emaj-extension/}).
 */
public final class EmajExtension {

    private static final String RESOURCE_DIR = "emaj-extension/";

    private final String version;

    private EmajExtension(String version) {
        this.version = version;
    }

    /** The extension bundled with this build. */
    public static EmajExtension bundled() {
        Properties control = new Properties();
        try (InputStream in = open("emaj.control")) {
            control.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = control.getProperty("default_version", "").replace("'", "").trim();
        if (version.isEmpty()) {
            throw new IllegalStateException("emaj.control has no default_version");
        }
        return new EmajExtension(version);
    }

    public String version() {
        return version;
    }

    public String controlFileName() {
        return "emaj.control";
    }

    public String scriptFileName() {
        return "emaj--" + version + ".sql";
    }

    public String controlFile() {
        return read(controlFileName());
    }

    /** The install script, as run by CREATE EXTENSION. */
    public String script() {
        return read(scriptFileName());
    }

    private static String read(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = EmajExtension.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IllegalStateException("the emaj extension file " + name
                + " is not on the class path (was the sql module built?)");
        }
        return in;
    }
}
