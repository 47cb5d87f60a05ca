package org.beaconpacs.archive.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    @Test
    void scriptsSplitIntoStatementsWithoutComments() {
        String sql = """
                -- a comment
                create table a (
                    id integer primary key -- not a separator;
                );

                create index ix on a (id);
                insert into a values ('--not a comment')""";
        assertEquals(List.of("create table a (\n    id integer primary key\n)",
                "create index ix on a (id)", "insert into a values ('--not a comment')"),
                SchemaMigration.statements(sql));
    }
}
