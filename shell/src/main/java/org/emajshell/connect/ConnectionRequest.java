package org.emajshell.connect;

/**
 * What the user gave on the command line: -h -p -U -d and an optional connection string
 * (a postgresql:// URI or key=value conninfo, given as -d or as the first argument).
 * Null means "not given".
 */
public record ConnectionRequest(String host, String port, String user, String database, String connectionString) {
}
