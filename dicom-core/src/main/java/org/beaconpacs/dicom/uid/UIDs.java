package org.beaconpacs.dicom.uid;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * UID rules of PS3.5 section 9: validation, and generation either in the 2.25 arc from a random UUID
 * (PS3.5 B.2, needs no registration) or under an organisation root.
 */
public final class UIDs {

    public static final int MAX_LENGTH = 64;
    /** System property (or environment variable BEACON_UID_ROOT) naming the organisation's UID root. */
    public static final String ROOT_PROPERTY = "beacon.uid.root";

    private UIDs() {
    }

    /** True if {@code uid} has 1..64 characters, numeric components separated by '.', no leading zeros. */
    public static boolean isValid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > MAX_LENGTH) {
            return false;
        }
        int componentStart = 0;
        for (int i = 0; i <= uid.length(); i++) {
            char c = i < uid.length() ? uid.charAt(i) : '.';
            if (c == '.') {
                int len = i - componentStart;
                if (len == 0 || (len > 1 && uid.charAt(componentStart) == '0')) {
                    return false;
                }
                componentStart = i + 1;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A new UID under the configured organisation root ({@link #ROOT_PROPERTY}), else in the 2.25 arc. */
    public static String generate() {
        String root = System.getProperty(ROOT_PROPERTY, System.getenv("BEACON_UID_ROOT"));
        return createUID(root);
    }

    /** A new UID "2.25.&lt;UUID as an unsigned decimal&gt;". */
    public static String createUID() {
        return "2.25." + toDecimal(UUID.randomUUID());
    }

    /**
     * A new UID under {@code root}: root + "." + a random 128-bit number in decimal, shortened to fit in 64
     * characters (at least 20 random digits remain, else the root is too long).
     */
    public static String createUID(String root) {
        if (root == null || root.isEmpty()) {
            return createUID();
        }
        if (!isValid(root) || root.length() > MAX_LENGTH - 21) {
            throw new IllegalArgumentException("UID root must be a valid UID of at most 43 characters: " + root);
        }
        String random = toDecimal(UUID.randomUUID());
        int room = MAX_LENGTH - root.length() - 1;
        String suffix = random.length() > room ? random.substring(0, room) : random;
        while (suffix.length() > 1 && suffix.charAt(0) == '0') {
            suffix = suffix.substring(1);
        }
        return root + "." + suffix;
    }

    /** A UID derived deterministically from a name (2.25 + name-based UUID), e.g. for anonymisation. */
    public static String createNameBasedUID(byte[] name) {
        return "2.25." + toDecimal(UUID.nameUUIDFromBytes(name));
    }

    private static String toDecimal(UUID uuid) {
        ByteBuffer bb = ByteBuffer.allocate(16);
        bb.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return new BigInteger(1, bb.array()).toString();
    }
}
