package org.beaconpacs.archive.hl7;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.beaconpacs.archive.rar.api.Hl7Listener;
import org.beaconpacs.archive.rar.api.Hl7Message;
import org.jboss.ejb3.annotation.ResourceAdapter;

/** The archive's HL7 endpoint: each message the resource adapter's MLLP listener receives, to {@link Hl7Service}. */
@MessageDriven(messageListenerInterface = Hl7Listener.class)
@ResourceAdapter("beacon")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Hl7Mdb implements Hl7Listener {

    @Inject
    private Hl7Service service;

    @Override
    public byte[] onMessage(Hl7Message message) {
        return service.receive(message.payload(), message.remoteHost());
    }
}
