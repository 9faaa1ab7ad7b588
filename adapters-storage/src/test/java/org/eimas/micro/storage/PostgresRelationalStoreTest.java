package org.eimas.micro.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relational store against a real PostgreSQL: runs when {@code EIMAS_TEST_PG_URL} (with
 * {@code EIMAS_TEST_PG_USER}, {@code EIMAS_TEST_PG_PASSWORD}) is set, e.g. by
 * {@code eval "$(bash .ci/postgres.sh)"}; skipped otherwise. Drops and recreates the store's tables.
 */
class PostgresRelationalStoreTest extends RelationalStoreContract {
    static String url;
    static String user;
    static String password;

    @BeforeAll
    static void requirePostgres() {
        url = System.getenv("EIMAS_TEST_PG_URL");
        user = System.getenv("EIMAS_TEST_PG_USER");
        password = System.getenv("EIMAS_TEST_PG_PASSWORD");
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "EIMAS_TEST_PG_URL is not set: no PostgreSQL to test against (see .ci/postgres.sh)");
    }

    @Override
    RelationalDatabase openEmpty() {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS backtest_trades, backtest_runs, network_edges, networks, alerts, models,"
                    + " eimas_schema_version CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the test database: " + e.getMessage(), e);
        }
        return reopen();
    }

    @Override
    RelationalDatabase reopen() {
        return RelationalDatabase.open(url, user, password, NOW);
    }

    @Test
    void itIsReallyPostgres() {
        assertThat(db.dialect()).isEqualTo(org.jooq.SQLDialect.POSTGRES);
        String version = db.read(dsl -> String.valueOf(dsl.fetchValue("SELECT version()")));
        assertThat(version).startsWith("PostgreSQL");
    }
}
