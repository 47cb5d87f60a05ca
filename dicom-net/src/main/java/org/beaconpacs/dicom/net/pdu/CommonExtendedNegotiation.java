package org.beaconpacs.dicom.net.pdu;

import java.util.List;

/** SOP Class Common Extended Negotiation sub-item (PS3.7 D.3.3.6). */
public record CommonExtendedNegotiation(String sopClass, String serviceClass, List<String> relatedGeneralSopClasses) {

    public CommonExtendedNegotiation {
        relatedGeneralSopClasses = List.copyOf(relatedGeneralSopClasses);
    }
}
