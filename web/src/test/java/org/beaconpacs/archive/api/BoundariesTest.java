package org.beaconpacs.archive.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The REST API sees the services and their value records, never JPA entities or the adapter's API. */
class BoundariesTest {

    @Test
    void seesNeitherEntitiesNorTheResourceAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.beaconpacs.archive.entity..",
                "org.beaconpacs.archive.rar..", "jakarta.persistence..")
                .check(new ClassFileImporter().importPath(Path.of("target/classes")));
    }
}
