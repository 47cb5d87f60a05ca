package org.beaconpacs.archive.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Which database holds the index: the one place that asks. The migrations pick their scripts by it, the
 * index its PostgreSQL short path and commit durability, the study delete H2's checkpoint.
 */
public enum DatabaseKind {
    H2("h2"),
    POSTGRESQL("postgresql"),
    OTHER("other");

    private static volatile DatabaseKind ofDataSource;

    private final String scriptFolder;

    DatabaseKind(String scriptFolder) {
        this.scriptFolder = scriptFolder;
    }

    /** The folder of db/migration whose scripts are this database's. */
    public String scriptFolder() {
        return scriptFolder;
    }

    /** The kind of the database behind {@code c}. */
    public static DatabaseKind of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgres") ? POSTGRESQL : product.contains("h2") ? H2 : OTHER;
    }

    /** The kind of the archive's datasource, asked once (the datasource does not change under a deployment). */
    public static DatabaseKind of(DataSource dataSource) {
        DatabaseKind kind = ofDataSource;
        if (kind == null) {
            try (Connection c = dataSource.getConnection()) {
                kind = of(c);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the database's product name", e);
            }
            ofDataSource = kind;
        }
        return kind;
    }
}
