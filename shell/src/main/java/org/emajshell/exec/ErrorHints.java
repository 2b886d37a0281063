package org.emajshell.exec;

import org.emajshell.emaj.EmajError;
import org.emajshell.emaj.GroupSummary;
import org.emajshell.emaj.MarkInfo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do next after the E-Maj errors users hit most: the shell knows the groups and marks,
 * so it can list them instead of leaving the user to guess.
 */
final class ErrorHints {

    private static final Pattern UNKNOWN_MARK = Pattern.compile("The mark \"(.*)\" does not exist for the group \"(.*)\"");
    private static final Pattern UNKNOWN_GROUP = Pattern.compile("The group \"(.*)\" does not exist");
    private static final Pattern NOT_LOGGING = Pattern.compile("The groups? \"(.*)\" (?:is|are) not in LOGGING state");
    private static final Pattern NOT_IDLE = Pattern.compile("The groups? \"(.*)\" (?:is|are) not in IDLE state");
    private static final Pattern PROTECTED = Pattern.compile("The group \"(.*)\" is currently protected");

    private ErrorHints() {
    }

    static String hintFor(EmajError error, Session session) {
        String message = error.getMessage();
        try {
            Matcher m;
            if ((m = UNKNOWN_MARK.matcher(message)).find()) {
                List<MarkInfo> marks = session.emaj().marks(m.group(2));
                return marks.isEmpty() ? "The group " + m.group(2) + " has no mark: START GROUP or MARK sets one."
                    : "Marks of " + m.group(2) + ": " + String.join(", ", marks.stream().map(MarkInfo::name).toList())
                        + ". Try SHOW MARKS.";
            }
            if ((m = UNKNOWN_GROUP.matcher(message)).find()) {
                List<String> groups = session.emaj().groups().stream().map(GroupSummary::name).toList();
                return groups.isEmpty() ? "There is no group yet: CREATE GROUP makes one."
                    : "Groups: " + String.join(", ", groups) + ". Try SHOW GROUPS.";
            }
            if ((m = NOT_LOGGING.matcher(message)).find()) {
                return "START GROUP " + m.group(1) + " first (SHOW GROUPS shows the states).";
            }
            if ((m = NOT_IDLE.matcher(message)).find()) {
                return "STOP GROUP " + m.group(1) + " first (SHOW GROUPS shows the states).";
            }
            if ((m = PROTECTED.matcher(message)).find()) {
                return "UNPROTECT GROUP " + m.group(1) + " to allow rollbacks again.";
            }
            if (message.contains("have no PRIMARY KEY")) {
                return "Add a primary key to those tables, or use a group created AUDIT_ONLY (no rollback).";
            }
            if (message.contains("already belong to a group")) {
                return "MOVE TABLE ... TO GROUP g moves a table between groups; REMOVE TABLE takes it out.";
            }
        } catch (EmajError | RuntimeException lookupFailed) {
            return null;
        }
        return null;
    }
}
