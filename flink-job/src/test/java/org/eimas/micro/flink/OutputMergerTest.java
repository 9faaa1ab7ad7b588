package org.eimas.micro.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputMergerTest {
    @TempDir
    Path tmp;

    @Test
    void mergesPartFilesByRowNumberAndSkipsInProgressFiles() throws Exception {
        Path parts = tmp.resolve("parts");
        Files.createDirectories(parts.resolve("AAA"));
        Files.createDirectories(parts.resolve("BBB"));
        // two part files of one symbol (after a restore on another subtask, say), interleaved row numbers
        Files.writeString(parts.resolve("AAA/part-x-0-0.csv"), "1,10,a\n2,10,b\n5,12,e\n");
        Files.writeString(parts.resolve("AAA/part-y-1-0.csv"), "3,11,c\n4,11,d\n");
        Files.writeString(parts.resolve("AAA/.part-z-0-1.csv.inprogress.123"), "6,13,uncommitted\n");
        Files.writeString(parts.resolve("BBB/part-x-0-0.csv"), "1,7,z\n");
        Map<String, Long> rows = OutputMerger.merge(parts, tmp.resolve("out"), List.of("ts", "v"));
        assertThat(rows).isEqualTo(Map.of("AAA", 5L, "BBB", 1L));
        assertThat(Files.readAllLines(tmp.resolve("out/AAA.csv"))).containsExactly("ts,v", "10,a", "10,b", "11,c", "11,d", "12,e");
        assertThat(Files.readAllLines(tmp.resolve("out/BBB.csv"))).containsExactly("ts,v", "7,z");
    }

    @Test
    void duplicateOrMissingRowsAreErrors() throws Exception {
        Path parts = tmp.resolve("dup");
        Files.createDirectories(parts.resolve("AAA"));
        Files.writeString(parts.resolve("AAA/part-a-0-0.csv"), "1,10,a\n2,10,b\n");
        Files.writeString(parts.resolve("AAA/part-a-0-1.csv"), "2,10,b\n3,11,c\n");
        assertThatThrownBy(() -> OutputMerger.merge(parts, tmp.resolve("o1"), List.of("ts", "v"))).hasMessageContaining("duplicate row 2");
        Path gap = tmp.resolve("gap");
        Files.createDirectories(gap.resolve("AAA"));
        Files.writeString(gap.resolve("AAA/part-a-0-0.csv"), "1,10,a\n2,10,b\n5,12,e\n");
        assertThatThrownBy(() -> OutputMerger.merge(gap, tmp.resolve("o2"), List.of("ts", "v"))).hasMessageContaining("rows 3..4 missing");
    }

    @Test
    void symbolsThatCannotNameAFileAreRejected() {
        assertThatThrownBy(() -> OutputMerger.checkSymbol("A/B")).hasMessageContaining("'A/B'");
        assertThatThrownBy(() -> OutputMerger.checkSymbol("..")).isInstanceOf(IllegalArgumentException.class);
        assertThat(OutputMerger.checkSymbol("BRK.B")).isEqualTo("BRK.B");
    }
}
