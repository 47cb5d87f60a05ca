package org.beaconpacs.dicom.net.pdu;

/** A-ASSOCIATE-RQ (PS3.8 9.3.2). */
public final class AAssociateRQ extends AAssociateRQAC {

    private UserIdentity userIdentity;

    public UserIdentity userIdentity() {
        return userIdentity;
    }

    public void setUserIdentity(UserIdentity userIdentity) {
        this.userIdentity = userIdentity;
    }

    /** The lowest odd presentation context ID not used yet, or -1 when all 128 are taken. */
    public int nextPresentationContextId() {
        for (int id = 1; id <= 255; id += 2) {
            if (presentationContext(id) == null) {
                return id;
            }
        }
        return -1;
    }
}
