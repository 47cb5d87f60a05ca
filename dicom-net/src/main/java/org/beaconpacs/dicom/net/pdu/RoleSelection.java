package org.beaconpacs.dicom.net.pdu;

/** SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4): which roles a side takes for one SOP class. */
public record RoleSelection(String sopClass, boolean scu, boolean scp) {
}
