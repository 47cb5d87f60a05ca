package org.beaconpacs.archive.rar.api;

import jakarta.resource.ResourceException;
import jakarta.resource.Referenceable;
import java.io.Serializable;
import java.util.List;

/**
 * What EJBs look up (JNDI {@value #JNDI_NAME}) to use the DICOM network: outbound associations through
 * {@link #getConnection()}, and the listeners' configuration and state.
 */
public interface DicomConnectionFactory extends Serializable, Referenceable {

    String JNDI_NAME = "java:/eis/beacon/dicom";

    /** A connection from which outbound associations are opened; close it when done. */
    DicomConnection getConnection() throws ResourceException;

    /** Replaces the listeners' configuration; listeners open, change or close to match at once. */
    void configure(DicomConfiguration configuration);

    /** Every listener the current configuration asks for, with its state. */
    List<ListenerState> listeners();
}
