package org.beaconpacs.dicom.net.scp;

import java.net.Socket;
import org.beaconpacs.dicom.net.association.Association;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;

/**
 * Watches an accepted association from the acceptor's side, for activity records: how negotiation
 * ended, each request and its final response, and how the association ended. Callbacks come from the
 * association's threads and must return quickly; the default of each does nothing.
 */
public interface AssociationMonitor {

    AssociationMonitor NONE = new AssociationMonitor() { };

    /** How an association that was established came to its end. */
    enum Ending { RELEASED, ABORTED_BY_PEER, ABORTED, PEER_CLOSED }

    /** The A-ASSOCIATE-RQ was answered with {@code rj}. */
    default void rejected(Socket socket, AAssociateRQ rq, AAssociateRJ rj) {
    }

    /** No association came about: nothing, garbage or a close instead of an acceptable A-ASSOCIATE-RQ. */
    default void failed(Socket socket, String why) {
    }

    /** The A-ASSOCIATE-AC was sent. */
    default void established(Association association) {
    }

    /** A request arrived. */
    default void request(Association association, Command request) {
    }

    /** The final response to {@code request} was sent, {@code nanos} after the request arrived. */
    default void responded(Association association, Command request, Command response, long nanos) {
    }

    /** The association ended; {@code detail} says how in words. */
    default void ended(Association association, Ending ending, String detail) {
    }
}
