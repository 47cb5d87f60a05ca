package org.beaconpacs.dicom.net.pdu;

/** AE title rules (PS3.5 table 6.2-1, VR AE): 1-16 characters of the default repertoire, no backslash or control characters, not all spaces. */
public final class AeTitles {

    private AeTitles() {
    }

    /** The reason {@code aeTitle} is invalid, or null if it is valid. */
    public static String problem(String aeTitle) {
        if (aeTitle == null || aeTitle.isBlank()) {
            return "AE title is empty";
        }
        String t = aeTitle.strip();
        if (t.length() > 16) {
            return "AE title longer than 16 characters";
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\') {
                return "AE title contains a backslash";
            }
            if (c < 0x20 || c > 0x7E) {
                return "AE title contains a character outside the default repertoire";
            }
        }
        return null;
    }

    /** {@code aeTitle} without its insignificant leading and trailing spaces, or an IllegalArgumentException. */
    public static String check(String aeTitle) {
        String problem = problem(aeTitle);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": \"" + aeTitle + "\"");
        }
        return aeTitle.strip();
    }
}
