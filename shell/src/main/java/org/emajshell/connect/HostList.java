package org.emajshell.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * libpq's lists of hosts and ports ({@code host=h1,h2 port=5432,5433}, PGHOST and PGPORT alike):
 * one port for every host, or one port each; an empty entry takes the default.
 */
final class HostList {

    static final int DEFAULT_PORT = 5432;

    private HostList() {
    }

    /**
     * @param hosts       the host text (comma-separated), or null for the default host
     * @param ports       the port text (comma-separated), or null for 5432
     * @param defaultHost the host an empty entry stands for, given the port (the local socket or localhost)
     * @throws IllegalArgumentException for a bad port, or port and host counts that do not match
     */
    static List<Endpoint> parse(String hosts, String ports, IntFunction<String> defaultHost) {
        List<String> hostEntries = split(hosts);
        List<String> portEntries = split(ports);
        if (portEntries.size() != 1 && portEntries.size() != hostEntries.size()) {
            throw new IllegalArgumentException("could not match " + portEntries.size() + " port numbers to "
                + hostEntries.size() + " hosts");
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < hostEntries.size(); i++) {
            int port = port(portEntries.get(portEntries.size() == 1 ? 0 : i));
            String host = hostEntries.get(i).isEmpty() ? defaultHost.apply(port) : hostEntries.get(i);
            if (host.startsWith("@")) {
                throw new IllegalArgumentException("abstract Unix sockets (" + host + ") are not supported:"
                    + " give the socket directory (-h /var/run/postgresql) or a TCP host");
            }
            endpoints.add(new Endpoint(host, port));
        }
        if (endpoints.size() > 1 && endpoints.stream().anyMatch(Endpoint::isUnixSocket)) {
            // the driver tries several hosts over TCP only; one socket factory cannot serve a list
            throw new IllegalArgumentException("a Unix-socket directory cannot be one of several hosts ("
                + String.join(",", hostEntries) + "): give TCP hosts, or the socket alone");
        }
        return endpoints;
    }

    /** The entries of a comma-separated list, trimmed; a null or empty text is one empty entry. */
    private static List<String> split(String text) {
        List<String> entries = new ArrayList<>();
        for (String entry : (text == null ? "" : text).split(",", -1)) {
            entries.add(entry.trim());
        }
        return entries;
    }

    private static int port(String text) {
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port <= 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port \"" + text + "\": give a number such as 5432");
        }
    }
}
