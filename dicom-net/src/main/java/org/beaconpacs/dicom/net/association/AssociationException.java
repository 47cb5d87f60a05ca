package org.beaconpacs.dicom.net.association;

import java.io.IOException;
import org.beaconpacs.dicom.net.pdu.AAbort;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;

/** An association that could not be established or ended abnormally: rejected, aborted, or its peer vanished. */
public class AssociationException extends IOException {

    private final AAssociateRJ rejection;
    private final AAbort abort;
    private AAssociateRQ request;

    public AssociationException(String message, AAssociateRJ rejection, AAbort abort, Throwable cause) {
        super(message, cause);
        this.rejection = rejection;
        this.abort = abort;
    }

    public static AssociationException rejected(AAssociateRJ rj) {
        return new AssociationException("association rejected: " + rj.reasonText(), rj, null, null);
    }

    public static AssociationException aborted(AAbort abort) {
        return new AssociationException("association aborted: " + abort, null, abort, null);
    }

    /** The A-ASSOCIATE-RJ received or sent, or null. */
    public AAssociateRJ rejection() {
        return rejection;
    }

    /** The A-ASSOCIATE-RQ that was answered with {@link #rejection()}, when we are the acceptor; else null. */
    public AAssociateRQ request() {
        return request;
    }

    AssociationException withRequest(AAssociateRQ rq) {
        this.request = rq;
        return this;
    }

    /** The A-ABORT received or sent, or null. */
    public AAbort abort() {
        return abort;
    }
}
