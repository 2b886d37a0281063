package org.emajshell.repl;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a user types, for a terminal over streams: the typed bytes, then the stream waits (as a
 * keyboard does) until it is closed, which is end-of-file.
 */
final class Keyboard extends InputStream {

    private static final int CLOSED = -1;

    private final LinkedBlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    void type(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            keys.add(b & 0xff);
        }
    }

    @Override
    public int read() {
        if (closed && keys.isEmpty()) {
            return CLOSED;
        }
        try {
            while (true) {
                Integer key = keys.poll(50, TimeUnit.MILLISECONDS);
                if (key != null) {
                    return key == CLOSED ? CLOSED : key;
                }
                if (closed) {
                    return CLOSED;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CLOSED;
        }
    }

    /** Waits for the first key only, then takes what has been typed: a keyboard never fills a buffer. */
    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int first = read();
        if (first == CLOSED) {
            return CLOSED;
        }
        b[off] = (byte) first;
        int n = 1;
        Integer next;
        while (n < len && (next = keys.poll()) != null) {
            b[off + n++] = (byte) (int) next;
        }
        return n;
    }

    @Override
    public int available() {
        return keys.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
