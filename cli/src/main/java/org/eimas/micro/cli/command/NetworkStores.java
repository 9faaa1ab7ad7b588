package org.eimas.micro.cli.command;

import java.nio.file.Path;
import org.eimas.micro.domain.port.NetworkStore;

/**
 * Where {@code eimas network --data-dir} finds its {@link NetworkStore}. The relational (jOOQ/H2) store
 * is built by the storage issue; until it is in this build, a run cannot be persisted and asking for it
 * is a clear error rather than a silent no-op.
 */
final class NetworkStores {
    private NetworkStores() {
    }

    static NetworkStore open(Path dataDir) {
        throw new IllegalArgumentException("--data-dir " + dataDir + ": this build has no NetworkStore adapter yet "
                + "(the relational store is not in it); run without --data-dir to print the network");
    }
}
