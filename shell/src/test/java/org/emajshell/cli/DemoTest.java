package org.emajshell.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The newcomer's first command: --demo needs no server of the user's. */
class DemoTest {

    @Test
    void demoShowsItsGroupWithChangesSinceTheStartMark() throws Exception {
        ShellProcess.Outcome outcome = ShellProcess.run(List.of("--demo", "-c", "SHOW GROUPS", "-c", "SHOW MARKS"));

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).containsPattern("(?m)^ shop +│ ROLLBACKABLE │ LOGGING │ +3 │ +1 │ +1 │ +\\d+ │ demo group$");
        assertThat(outcome.out()).containsPattern("(?m)^ start +│ \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d │");
    }
}
