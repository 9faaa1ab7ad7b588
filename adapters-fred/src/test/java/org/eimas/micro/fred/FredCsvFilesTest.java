package org.eimas.micro.fred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eimas.micro.domain.store.MacroSeries;
import org.eimas.micro.domain.store.MacroSeries.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FredCsvFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void currentHeaderStyleWithMissingDotAndEmpty() throws Exception {
        Path p = file("VIXCLS.csv", "observation_date,VIXCLS\n2024-01-02,13.20\n2024-01-03,.\n2024-01-04,\n2024-01-05,13.35\n");
        List<MacroSeries> s = FredCsvFiles.read(p);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).id()).isEqualTo("VIXCLS");
        List<Observation> o = s.get(0).observations();
        assertThat(o).hasSize(4);
        assertThat(o.get(0).value()).isEqualTo(13.20);
        assertThat(o.get(1).missing()).isTrue();
        assertThat(o.get(1).value()).isNaN();
        assertThat(o.get(2).missing()).isTrue();
        assertThat(o.get(3).value()).isEqualTo(13.35);
        assertThat(o.get(0).realtimeStart()).isNull();
    }

    @Test
    void olderHeaderStyleCrlfBomGzipAndSeveralSeries() throws Exception {
        Path p = dir.resolve("fredgraph.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("\uFEFFDATE,DGS10,DGS2\r\n2024-01-02,3.95,4.33\r\n2024-01-03,3.91,.\r\n".getBytes(StandardCharsets.UTF_8));
        }
        List<MacroSeries> s = FredCsvFiles.read(p);
        assertThat(s).extracting(MacroSeries::id).containsExactly("DGS10", "DGS2");
        assertThat(s.get(0).observations()).extracting(Observation::value).containsExactly(3.95, 3.91);
        assertThat(s.get(1).observations().get(0).value()).isEqualTo(4.33);
        assertThat(s.get(1).observations().get(1).missing()).isTrue();
    }

    @Test
    void malformedFilesNameFileLineAndColumn() throws Exception {
        Path notFred = file("a.csv", "ts,VIXCLS\n1,2\n");
        assertThatThrownBy(() -> FredCsvFiles.read(notFred)).hasMessage(notFred
                + ":1:1: not a FRED CSV file: the first column must be 'observation_date' or 'DATE' (got 'ts')");
        Path badValue = file("b.csv", "observation_date,VIXCLS\n2024-01-02,13.2\n2024-01-03,n/a\n");
        assertThatThrownBy(() -> FredCsvFiles.read(badValue)).hasMessage(badValue
                + ":3:2: value of VIXCLS is neither a number nor '.' (missing) (got 'n/a')");
        Path badDate = file("c.csv", "observation_date,VIXCLS\n01/02/2024,13.2\n");
        assertThatThrownBy(() -> FredCsvFiles.read(badDate)).hasMessageContaining(":2:1: not a date yyyy-MM-dd");
        Path order = file("d.csv", "observation_date,VIXCLS\n2024-01-03,13.2\n2024-01-02,13.1\n");
        assertThatThrownBy(() -> FredCsvFiles.read(order)).hasMessageContaining(":3:1: dates must increase");
        Path cells = file("e.csv", "observation_date,VIXCLS\n2024-01-03,13.2,9\n");
        assertThatThrownBy(() -> FredCsvFiles.read(cells)).hasMessageContaining(":2:1: expected 2 cells");
        Path empty = file("f.csv", "");
        assertThatThrownBy(() -> FredCsvFiles.read(empty)).hasMessageContaining(":1:1: empty file");
        assertThatThrownBy(() -> FredCsvFiles.read(dir.resolve("nope.csv"))).hasMessageContaining("no such file");
    }
}
