package org.beaconpacs.archive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.Timer;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * The rules of ../shared/ARCHITECTURE.md that the services keep: no package cycles, no threads of their
 * own (WildFly's managed executors, timers and the adapter's WorkManager run everything), and no package
 * that jpa declares too.
 */
class ArchitectureTest {

    /** This module's own classes, not those of its dependencies. */
    private static final JavaClasses EJB = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void noPackageCycles() {
        slices().matching("org.beaconpacs.archive.(*)..").should().beFreeOfCycles().check(EJB);
    }

    @Test
    void startsNoThreadsOfItsOwn() {
        noClasses().should().callConstructor(Thread.class)
                .orShould().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().callMethod(Thread.class, "start")
                .orShould().callMethod(Thread.class, "startVirtualThread", Runnable.class)
                .orShould().accessClassesThat().belongToAnyOf(ThreadPoolExecutor.class, Executors.class,
                        ForkJoinPool.class, Timer.class)
                .because("ejb runs background work on WildFly's managed executors and timers")
                .check(EJB);
    }

    @Test
    void declaresNoPackageOfTheEntities() {
        noClasses().should().resideInAPackage("org.beaconpacs.archive.entity..")
                .because("jpa declares the entity packages; a package split between jars is a trap").check(EJB);
    }
}
