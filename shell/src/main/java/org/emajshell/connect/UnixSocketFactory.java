package org.emajshell.connect;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;

/**
 * Gives pgjdbc sockets on the server's Unix socket file instead of TCP. pgjdbc has no Unix-socket
 * support of its own; it instantiates this class from the {@code socketFactory} connection
 * property, with the socket file's path as {@code socketFactoryArg}, and connects the sockets it
 * gets to an address that they ignore. Java 16+ speaks Unix sockets through
 * {@link java.nio.channels.SocketChannel}, which {@link UnixSocket} wraps.
 */
public final class UnixSocketFactory extends SocketFactory {

    private final Path socketFile;

    public UnixSocketFactory(String socketFile) {
        if (socketFile == null || socketFile.isBlank()) {
            throw new IllegalArgumentException("the Unix socket factory needs the socket file's path");
        }
        this.socketFile = Path.of(socketFile);
    }

    @Override
    public Socket createSocket() {
        return new UnixSocket(socketFile);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected();
    }

    private Socket connected() throws IOException {
        UnixSocket socket = new UnixSocket(socketFile);
        socket.connect(null, 0);
        return socket;
    }
}
