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

    /** What to do with one step of a stepped operation (REPLAY ... STEP). */
    enum Step { NEXT, CONTINUE, QUIT }

    /**
     * Shows one step and asks: apply it and stop at the next one, apply all the rest, or quit.
     * By default a yes goes on to the next step and a no quits.
     */
    default Step step(List<String> explanation, String question) {
        return confirm(explanation, question) ? Step.NEXT : Step.QUIT;
    }
}
