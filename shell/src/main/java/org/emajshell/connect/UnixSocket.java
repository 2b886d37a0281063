package org.emajshell.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link Socket} over a Unix-domain {@link SocketChannel}, with what pgjdbc uses of a socket:
 * connect, streams, read time-outs ({@code setSoTimeout}, through a selector) and close. TCP
 * options are accepted and ignored. The address given to {@link #connect} is ignored: the socket
 * file was chosen when the socket was made.
 */
final class UnixSocket extends Socket {

    private final Path socketFile;
    private SocketChannel channel;
    private Selector readSelector;
    private Selector writeSelector;
    private volatile int timeoutMillis;
    private volatile boolean closed;
    private InputStream in;
    private OutputStream out;

    UnixSocket(Path socketFile) {
        this.socketFile = socketFile;
    }

    @Override
    public void connect(SocketAddress ignored) throws IOException {
        connect(ignored, 0);
    }

    @Override
    public synchronized void connect(SocketAddress ignored, int timeout) throws IOException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        if (!Files.exists(socketFile)) {
            throw new ConnectException("no server socket at " + socketFile
                + " (is the server running locally and accepting connections on that socket?)");
        }
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socketFile));
            ch.configureBlocking(false);
            readSelector = Selector.open();
            writeSelector = Selector.open();
            ch.register(readSelector, SelectionKey.OP_READ);
            ch.register(writeSelector, SelectionKey.OP_WRITE);
        } catch (IOException e) {
            ch.close();
            ConnectException ce = new ConnectException("cannot connect to " + socketFile + ": " + e.getMessage());
            ce.initCause(e);
            throw ce;
        }
        channel = ch;
        in = new ChannelInput();
        out = new ChannelOutput();
    }

    @Override
    public boolean isConnected() {
        return channel != null;
    }

    @Override
    public boolean isBound() {
        return channel != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        requireOpen();
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        requireOpen();
        return out;
    }

    private void requireOpen() throws SocketException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        if (channel == null) {
            throw new SocketException("Socket is not connected");
        }
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout can't be negative");
        }
        timeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return timeoutMillis;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
    }

    @Override
    public boolean getTcpNoDelay() {
        return true;
    }

    @Override
    public void setKeepAlive(boolean on) {
    }

    @Override
    public boolean getKeepAlive() {
        return false;
    }

    @Override
    public void setSendBufferSize(int size) {
    }

    @Override
    public void setReceiveBufferSize(int size) {
    }

    @Override
    public void setSoLinger(boolean on, int linger) {
    }

    @Override
    public void shutdownInput() throws IOException {
        if (channel != null) {
            channel.shutdownInput();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        if (channel != null) {
            channel.shutdownOutput();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (channel != null) {
            try {
                readSelector.close();
                writeSelector.close();
            } finally {
                channel.close();
            }
        }
    }

    @Override
    public String toString() {
        return "UnixSocket[" + socketFile + "]";
    }

    /** Blocking reads on the non-blocking channel, waiting at most the read time-out. */
    private final class ChannelInput extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            long deadline = timeoutMillis == 0 ? 0 : System.nanoTime() + timeoutMillis * 1_000_000L;
            synchronized (readSelector) {
                while (true) {
                    requireOpen();
                    int n = channel.read(buffer);
                    if (n != 0) {
                        return n;
                    }
                    long wait = 0;
                    if (deadline != 0) {
                        wait = (deadline - System.nanoTime()) / 1_000_000L;
                        if (wait <= 0) {
                            throw new SocketTimeoutException("Read timed out");
                        }
                    }
                    readSelector.select(wait);
                    readSelector.selectedKeys().clear();
                }
            }
        }

        @Override
        public int available() throws IOException {
            return 0;
        }

        @Override
        public void close() throws IOException {
            UnixSocket.this.close();
        }
    }

    /** Blocking writes on the non-blocking channel. */
    private final class ChannelOutput extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            synchronized (writeSelector) {
                while (buffer.hasRemaining()) {
                    requireOpen();
                    if (channel.write(buffer) == 0) {
                        writeSelector.select();
                        writeSelector.selectedKeys().clear();
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            UnixSocket.this.close();
        }
    }
}
