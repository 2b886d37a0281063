package org.emajshell.exec;

import java.util.List;

/**
 * Asks the user before a destructive command. Scripts and {@code --yes} use {@link #ALWAYS}.
 */
@FunctionalInterface
public interface Confirmer {

    Confirmer ALWAYS = (explanation, question) -> true;

    /** Shows what will happen and returns whether the user agreed. */
    boolean confirm(List<String> explanation, String question);
}
