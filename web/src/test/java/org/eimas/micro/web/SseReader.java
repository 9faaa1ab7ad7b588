package org.eimas.micro.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A minimal Server-Sent-Events client over the JDK HttpClient, reading on its own thread. */
final class SseReader implements AutoCloseable {
    record Event(String name, String data) {
    }

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicInteger status = new AtomicInteger();
    private final boolean keep;
    private final Thread thread;
    private volatile InputStream body;
    private volatile boolean closed;
    private volatile Throwable failure;

    /**
     * @param keep keep the events (else only count them)
     */
    SseReader(HttpClient client, String url, boolean keep) {
        this.keep = keep;
        this.thread = new Thread(() -> run(client, url), "sse-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run(HttpClient client, String url) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(30)).build();
            HttpResponse<InputStream> r = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            status.set(r.statusCode());
            body = r.body();
            BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line;
            String name = "message";
            StringBuilder data = new StringBuilder();
            while (!closed && (line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        frames.incrementAndGet();
                        if (name.equals("update")) {
                            updates.incrementAndGet();
                        }
                        if (keep) {
                            events.add(new Event(name, data.toString()));
                        }
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).trim());
                }
            }
        } catch (Exception e) {
            if (!closed) {
                failure = e;
            }
        }
    }

    List<Event> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    long frames() {
        return frames.get();
    }

    long updates() {
        return updates.get();
    }

    int status() {
        return status.get();
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        closed = true;
        try {
            InputStream b = body;
            if (b != null) {
                b.close();
            }
        } catch (Exception e) {
            // closing an aborted stream
        }
        thread.interrupt();
    }
}
