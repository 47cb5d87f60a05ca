package org.beaconpacs.dicom.net.pdu;

/** A-ASSOCIATE-AC (PS3.8 9.3.3). */
public final class AAssociateAC extends AAssociateRQAC {

    private byte[] userIdentityServerResponse;

    /** The server response to a User Identity request with positive response requested, or null. */
    public byte[] userIdentityServerResponse() {
        return userIdentityServerResponse;
    }

    public void setUserIdentityServerResponse(byte[] response) {
        this.userIdentityServerResponse = response;
    }
}
