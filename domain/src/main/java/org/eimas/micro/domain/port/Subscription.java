package org.eimas.micro.domain.port;

/** A live subscription; closing it stops delivery and releases the connection. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
