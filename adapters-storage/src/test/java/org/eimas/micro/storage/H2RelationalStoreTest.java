package org.eimas.micro.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relational store on its embedded default, an H2 file in the data directory. */
class H2RelationalStoreTest extends RelationalStoreContract {
    @TempDir
    Path dir;

    @Override
    RelationalDatabase openEmpty() {
        return RelationalDatabase.openEmbedded(dir.resolve("data"), NOW);
    }

    @Override
    RelationalDatabase reopen() {
        return RelationalDatabase.openEmbedded(dir.resolve("data"), NOW);
    }

    @Override
    RelationalDatabase openEmptyWithoutReset() {
        return RelationalDatabase.openEmbedded(dir.resolve("other"), NOW);
    }

    @Test
    void theDatabaseIsAFileInTheDataDirectory() {
        assertThat(db.dialect()).isEqualTo(org.jooq.SQLDialect.H2);
        assertThat(Files.exists(dir.resolve("data/relational/eimas.mv.db"))).isTrue();
    }

    @Test
    void migrationFilesAreAppliedInOrderAndAnEditedOneIsRefused() {
        ClassLoader cl = getClass().getClassLoader();
        List<SchemaMigrator.Migration> two = SchemaMigrator.load(cl, "testmigrations/ok/");
        assertThat(two).extracting(SchemaMigrator.Migration::version).containsExactly(1, 2);
        try (RelationalDatabase h2 = RelationalDatabase.open("jdbc:h2:mem:mig1", "sa", "", NOW)) {
            // the shipped V1 ran at open; apply a separate two-step set on top of a clean schema
            h2.read(dsl -> {
                dsl.execute("CREATE SCHEMA t");
                dsl.execute("SET SCHEMA t");
                assertThat(SchemaMigrator.migrate(dsl, two.subList(0, 1), NOW)).isEqualTo(1);
                assertThat(SchemaMigrator.migrate(dsl, two, NOW)).isEqualTo(2);
                // V2 inserted into the table V1 created: both ran, in order, once
                assertThat(dsl.fetchValue("SELECT count(*) FROM widgets")).isEqualTo(1L);
                assertThat(SchemaMigrator.migrate(dsl, two, NOW)).isEqualTo(2);
                assertThat(dsl.fetchValue("SELECT count(*) FROM widgets")).isEqualTo(1L);
                List<SchemaMigrator.Migration> edited = List.of(two.get(0), new SchemaMigrator.Migration(2,
                        "add_widget", "INSERT INTO widgets VALUES (2);", SchemaMigrator.sha256("edited")));
                assertThatThrownBy(() -> SchemaMigrator.migrate(dsl, edited, NOW))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("V2__add_widget")
                        .hasMessageContaining("differs");
                return null;
            });
        }
        assertThatThrownBy(() -> SchemaMigrator.load(cl, "testmigrations/gap/"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("should be version 2");
    }

    @Test
    void statementsSplitAtLineEndSemicolonsAndSkipComments() {
        assertThat(SchemaMigrator.statements("-- c\nCREATE TABLE a (x INT);\n\nINSERT INTO a VALUES (1)\n;\nSELECT 1"))
                .containsExactly("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)", "SELECT 1");
    }
}
