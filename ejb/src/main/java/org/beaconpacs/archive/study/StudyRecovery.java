package org.beaconpacs.archive.study;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Finishes at start the study deletes a crash or a failure interrupted, once the storage's recovery has
 * made the index agree with the files, and before the listeners open.
 */
@Singleton
@Startup
@DependsOn("StorageRecovery")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StudyRecovery {

    @EJB
    private StudyService studies;

    @PostConstruct
    void resume() {
        studies.resumeDeletes();
    }
}
