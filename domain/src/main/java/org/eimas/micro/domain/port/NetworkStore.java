package org.eimas.micro.domain.port;

import java.util.List;
import org.eimas.micro.domain.store.StoredNetwork;

/** Economic-network runs and their edges; a run and its edges are written atomically. */
public interface NetworkStore {
    long save(StoredNetwork network);

    List<StoredNetwork> list();
}
