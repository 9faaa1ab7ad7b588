package org.eimas.micro.domain.port;

import java.util.List;
import java.util.Optional;
import org.eimas.micro.domain.store.StoredBacktestRun;

/** Backtest runs with their parameters, metrics and trades; a run and its trades are written atomically. */
public interface BacktestRunStore {
    /** Stores the run and its trades in one transaction; returns the run's id. */
    long save(StoredBacktestRun run);

    /** The run with its trades. */
    Optional<StoredBacktestRun> find(long id);

    /** All runs, oldest first, with their trades. */
    List<StoredBacktestRun> list();
}
