package org.eimas.micro.fred;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import java.util.Objects;
import org.eimas.micro.domain.macro.CachingMacroSeriesSource;
import org.eimas.micro.domain.port.MacroObservationCache;
import org.eimas.micro.domain.port.MacroSeriesSource;

/**
 * Binds {@link MacroSeriesSource} to FRED's API, behind the file cache when a cache directory is
 * given ({@code refresh} re-fetches but still stores). One instance (and one rate limiter) per
 * injector.
 */
public final class FredModule extends AbstractModule {
    private final FredSettings settings;
    private final FileMacroObservationCache cache;
    private final boolean refresh;

    public FredModule(FredSettings settings, Path cacheDir, boolean refresh) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = cacheDir == null ? null : new FileMacroObservationCache(cacheDir);
        this.refresh = refresh;
    }

    @Override
    protected void configure() {
        bind(FredSettings.class).toInstance(settings);
        if (cache != null) {
            bind(MacroObservationCache.class).toInstance(cache);
        }
    }

    @Provides
    @Singleton
    FredMacroSeriesSource fred(FredSettings s) {
        return new FredMacroSeriesSource(s);
    }

    @Provides
    @Singleton
    MacroSeriesSource source(FredMacroSeriesSource fred) {
        return cache == null ? fred : new CachingMacroSeriesSource(fred, cache, refresh);
    }
}
