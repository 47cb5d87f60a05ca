package org.beaconpacs.dicom.net.pdu;

import java.nio.charset.StandardCharsets;

/**
 * User Identity negotiation sub-item of an A-ASSOCIATE-RQ (PS3.7 D.3.3.7.1): type 1 username,
 * 2 username and passcode, 3 Kerberos ticket, 4 SAML assertion, 5 JSON Web Token.
 */
public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primaryField, byte[] secondaryField) {

    public static final int USERNAME = 1;
    public static final int USERNAME_AND_PASSCODE = 2;
    public static final int KERBEROS = 3;
    public static final int SAML = 4;
    public static final int JWT = 5;

    public static UserIdentity username(String username, String passcode, boolean positiveResponseRequested) {
        return new UserIdentity(passcode == null ? USERNAME : USERNAME_AND_PASSCODE, positiveResponseRequested,
                username.getBytes(StandardCharsets.UTF_8),
                passcode == null ? new byte[0] : passcode.getBytes(StandardCharsets.UTF_8));
    }

    public String primaryFieldAsString() {
        return new String(primaryField, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UserIdentity[type=" + type + (type <= USERNAME_AND_PASSCODE ? ", user=" + primaryFieldAsString() : "")
                + ", response requested=" + positiveResponseRequested + "]"; // never the passcode
    }
}
