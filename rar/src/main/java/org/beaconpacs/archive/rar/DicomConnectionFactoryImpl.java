package org.beaconpacs.archive.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.util.List;
import javax.naming.Reference;
import org.beaconpacs.archive.rar.api.DicomConfiguration;
import org.beaconpacs.archive.rar.api.DicomConnection;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.archive.rar.api.ListenerState;

/** The connection factory bound in JNDI. */
final class DicomConnectionFactoryImpl implements DicomConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient DicomManagedConnectionFactory mcf;
    private final transient ConnectionManager cm;
    private Reference reference;

    DicomConnectionFactoryImpl(DicomManagedConnectionFactory mcf, ConnectionManager cm) {
        this.mcf = mcf;
        this.cm = cm;
    }

    @Override
    public DicomConnection getConnection() throws ResourceException {
        return (DicomConnection) cm.allocateConnection(mcf, null);
    }

    @Override
    public void configure(DicomConfiguration configuration) {
        mcf.adapter().configure(configuration);
    }

    @Override
    public List<ListenerState> listeners() {
        return mcf.adapter().listenerStates();
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
