package org.emajshell.command;

import java.util.List;

/**
 * {@code GENERATE SQL [OF GROUP g] SINCE m1 [UNTIL m2] [ON TABLE[S] s.t, ...] [TO 'file.sql']}
 * (emaj_gen_sql_group).
 *
 * @param group  null for the current group
 * @param until  null for the current state
 * @param tables the tables and sequences to keep, empty for all
 * @param file   null to print the script
 */
public record GenerateSql(String group, String since, String until, List<QualifiedName> tables, String file)
        implements Command {
    public GenerateSql {
        Check.optional(group, "group name");
        Check.required(since, "mark name");
        Check.optional(until, "mark name");
        tables = List.copyOf(Check.notNull(tables, "tables"));
        Check.optional(file, "file name");
    }
}
