package org.eimas.micro.application;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Collection;
import org.eimas.micro.application.config.EimasConfig;
import org.eimas.micro.application.monitor.ForecastProvider;
import org.eimas.micro.application.monitor.MonitorListener;
import org.eimas.micro.application.monitor.MonitorSettings;
import org.eimas.micro.application.monitor.RealtimeMonitor;
import org.eimas.micro.domain.port.AlertStore;
import org.eimas.micro.domain.port.MarketDataFeed;

/**
 * The embedding entry point: a host JVM application builds the platform from a configuration and
 * the adapter modules it chooses, asks it for use cases or ports, and closes it when done.
 *
 * <pre>{@code
 * try (EimasPlatform p = EimasPlatform.builder().config(cfg).module(new ReplayModule()).build()) {
 *     MarketDataFeed feed = p.get(MarketDataFeed.class);
 * }
 * }</pre>
 *
 * Everything the injector created that is {@link AutoCloseable} and was registered with
 * {@link #closeOnShutdown(AutoCloseable)} is closed in reverse order by {@link #close()}.
 */
public final class EimasPlatform implements AutoCloseable {
    private final Injector injector;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private boolean closed;

    private EimasPlatform(EimasConfig config, List<Module> modules) {
        List<Module> all = new ArrayList<>(modules);
        all.add(new AbstractModule() {
            @Override
            protected void configure() {
                bind(EimasConfig.class).toInstance(config);
                bind(EimasPlatform.class).toInstance(EimasPlatform.this);
            }
        });
        this.injector = Guice.createInjector(Stage.PRODUCTION, all);
    }

    public static Builder builder() {
        return new Builder();
    }

    public <T> T get(Class<T> type) {
        ensureOpen();
        return injector.getInstance(type);
    }

    public <T> T get(Key<T> key) {
        ensureOpen();
        return injector.getInstance(key);
    }

    /** The binding of {@code type} if a module provides one, else null (for optional ports such as AlertStore). */
    public <T> T getIfBound(Class<T> type) {
        ensureOpen();
        return injector.getExistingBinding(Key.get(type)) == null ? null : injector.getInstance(type);
    }

    /**
     * Starts the realtime monitor on the bound {@link MarketDataFeed} for the symbols; alerts go to the
     * bound {@link AlertStore} when there is one. The monitor is closed with the platform.
     */
    public RealtimeMonitor startMonitor(Collection<String> symbols, MonitorSettings settings, ForecastProvider forecaster,
                                        MonitorListener... listeners) {
        MarketDataFeed feed = get(MarketDataFeed.class);
        RealtimeMonitor m = new RealtimeMonitor(settings, getIfBound(AlertStore.class), forecaster);
        for (MonitorListener l : listeners) {
            m.addListener(l);
        }
        closeOnShutdown(m);
        return m.start(feed, symbols);
    }

    public Injector injector() {
        return injector;
    }

    /** Registers a resource to be closed with the platform (last registered, first closed). */
    public synchronized <T extends AutoCloseable> T closeOnShutdown(T resource) {
        closeables.push(resource);
        return resource;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the platform is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing the platform failed: " + e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    public static final class Builder {
        private EimasConfig config = new EimasConfig();
        private final List<Module> modules = new ArrayList<>();

        public Builder config(EimasConfig config) {
            this.config = Objects.requireNonNull(config);
            return this;
        }

        public Builder module(Module module) {
            modules.add(Objects.requireNonNull(module));
            return this;
        }

        public Builder modules(List<? extends Module> list) {
            list.forEach(this::module);
            return this;
        }

        public EimasPlatform build() {
            return new EimasPlatform(config, modules);
        }
    }
}
