package org.emajshell.script;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFileTest {

    @Test
    void explicitThenXdgThenTheHomeDirectory(@TempDir Path home) throws Exception {
        assertThat(ConfigFile.locate(Map.<String, String>of()::get, home)).isEmpty();

        Path rc = Files.writeString(home.resolve(".emajshellrc"), "\\set a 1\n");
        assertThat(ConfigFile.locate(Map.<String, String>of()::get, home)).contains(rc);

        Path defaultXdg = Files.createDirectories(home.resolve(".config/emaj-shell")).resolve("config");
        Files.writeString(defaultXdg, "\\set a 2\n");
        assertThat(ConfigFile.locate(Map.<String, String>of()::get, home)).contains(defaultXdg);

        Path xdg = Files.createDirectories(home.resolve("xdg/emaj-shell")).resolve("config");
        Files.writeString(xdg, "\\set a 3\n");
        assertThat(ConfigFile.locate(Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString())::get, home)).contains(xdg);

        Path explicit = Files.writeString(home.resolve("ci.emajshellrc"), "\\set a 4\n");
        assertThat(ConfigFile.locate(Map.of("EMAJSHELLRC", "~/ci.emajshellrc")::get, home)).contains(explicit);
        assertThat(ConfigFile.locate(Map.of("EMAJSHELLRC", "/nonexistent/rc")::get, home)).isEmpty();
    }

    @Test
    void booleansAsPsqlSpellsThem() {
        assertThat(Variables.isOn("on")).isTrue();
        assertThat(Variables.isOn("TRUE")).isTrue();
        assertThat(Variables.isOn("1")).isTrue();
        assertThat(Variables.isOn("off")).isFalse();
        assertThat(Variables.isOn(" No ")).isFalse();
        assertThat(Variables.isOn("0")).isFalse();
    }
}
