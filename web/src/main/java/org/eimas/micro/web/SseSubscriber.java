package org.eimas.micro.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Server-Sent-Events client's bounded queue of encoded frames. {@link #offer} never blocks the
 * publisher: when the queue is full the oldest frame is dropped and counted. Frames are UTF-8
 * {@code event: NAME\ndata: JSON\n\n}; the server writes them to the client's HTTP response.
 */
public final class SseSubscriber {
    private final long id;
    private final ArrayBlockingQueue<byte[]> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean closed;

    SseSubscriber(long id, int capacity) {
        this.id = id;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    long id() {
        return id;
    }

    void offer(byte[] frame) {
        while (!queue.offer(frame)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    /** The next frame, waiting up to {@code millis}; null on timeout or when closed. */
    byte[] poll(long millis) throws InterruptedException {
        return closed ? null : queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The next frame if one is queued now. */
    public byte[] pollNow() {
        return queue.poll();
    }

    void markSent() {
        sent.incrementAndGet();
    }

    public long dropped() {
        return dropped.get();
    }

    long sent() {
        return sent.get();
    }

    public int pending() {
        return queue.size();
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
    }
}
