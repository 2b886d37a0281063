package org.emajshell.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a PostgreSQL server that asks every client for a clear-text password and writes
 * down what it gets (the embedded test server trusts local connections, so it never asks). It
 * speaks just enough of the protocol: SSL and GSS requests are declined, the startup message is
 * read, the password message is recorded, and the login is refused with SQLSTATE 28P01.
 */
final class PasswordProbeServer implements AutoCloseable {

    /** One login attempt: the startup parameters (user, database, ...) and the password sent. */
    record Attempt(Map<String, String> parameters, String password) {
    }

    private final ServerSocket server;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Thread thread;

    PasswordProbeServer() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "password-probe");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Attempt> attempts() {
        return attempts;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                handle(new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
            } catch (IOException e) {
                // the client went away, or the server was closed
            }
        }
    }

    private void handle(DataInputStream in, DataOutputStream out) throws IOException {
        Map<String, String> parameters = new ConcurrentHashMap<>();
        while (true) {
            int length = in.readInt();
            int code = in.readInt();
            byte[] body = new byte[length - 8];
            in.readFully(body);
            if (code == 80877103 || code == 80877104) { // SSLRequest, GSSENCRequest: no
                out.writeByte('N');
                out.flush();
                continue;
            }
            String[] fields = new String(body, StandardCharsets.UTF_8).split("\0");
            for (int i = 0; i + 1 < fields.length; i += 2) {
                parameters.put(fields[i], fields[i + 1]);
            }
            break;
        }
        out.writeByte('R'); // AuthenticationCleartextPassword
        out.writeInt(8);
        out.writeInt(3);
        out.flush();
        int type = in.readByte();
        int length = in.readInt();
        byte[] body = new byte[length - 4];
        in.readFully(body);
        String password = type == 'p' ? new String(body, 0, Math.max(0, body.length - 1), StandardCharsets.UTF_8) : null;
        attempts.add(new Attempt(Map.copyOf(parameters), password));
        ByteArrayOutputStream error = new ByteArrayOutputStream();
        field(error, 'S', "FATAL");
        field(error, 'V', "FATAL");
        field(error, 'C', "28P01");
        field(error, 'M', "password authentication failed for user \"" + parameters.get("user") + "\"");
        error.write(0);
        out.writeByte('E');
        out.writeInt(4 + error.size());
        error.writeTo(out);
        out.flush();
    }

    private static void field(ByteArrayOutputStream out, char type, String value) {
        out.write(type);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join(5_000);
    }
}
