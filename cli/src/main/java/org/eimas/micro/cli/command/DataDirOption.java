package org.eimas.micro.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir DIR}: the embedded stores' directory (default $EIMAS_DATA_DIR or ./data). */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:EIMAS_DATA_DIR:-./data}",
            description = "Data directory of the embedded QuestDB and H2 stores (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    public Path path() {
        return dataDir;
    }
}
