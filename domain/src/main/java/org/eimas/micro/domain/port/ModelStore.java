package org.eimas.micro.domain.port;

import java.util.List;
import java.util.Optional;
import org.eimas.micro.domain.store.StoredModel;

/** Fitted models, versioned by creation time. */
public interface ModelStore {
    /** Stores the model and returns its id. */
    long save(StoredModel model);

    Optional<StoredModel> latest(String kind, String symbol, String horizon);

    List<StoredModel> list();
}
