package org.eimas.micro.application.monitor;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Delivers items to one consumer on its own daemon thread through a bounded queue. {@link #offer}
 * never blocks: when the queue is full the oldest item is dropped and counted, so a slow consumer
 * never slows the producer.
 */
final class BoundedDispatcher<T> implements AutoCloseable {
    private final ArrayBlockingQueue<T> queue;
    private final Consumer<T> consumer;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private volatile boolean running = true;

    BoundedDispatcher(String name, int capacity, Consumer<T> consumer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = consumer;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void offer(T item) {
        offered.incrementAndGet();
        while (!queue.offer(item)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    long delivered() {
        return delivered.get();
    }

    int pending() {
        return queue.size();
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            try {
                T item = queue.poll(50, TimeUnit.MILLISECONDS);
                if (item != null) {
                    try {
                        consumer.accept(item);
                    } catch (RuntimeException e) {
                        // a failing listener must not kill its dispatcher; it only loses this item
                    }
                    delivered.incrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** True when every item offered so far was handled by the consumer or dropped. */
    private boolean settled() {
        return delivered.get() + dropped.get() >= offered.get();
    }

    /**
     * Waits until every item offered so far has been handled by the consumer (not merely taken from
     * the queue) or dropped, or the timeout passes.
     */
    boolean drain(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!settled() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return settled();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
