package org.beaconpacs.archive.hl7;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The HL7 settings (README "Configuration"), read at each message. */
final class Hl7Settings {

    private Hl7Settings() {
    }

    /** The character set of a message whose MSH-18 names none (BEACON_HL7_CHARSET). */
    static Charset charset() {
        return Charset.forName(System.getProperty("beacon.hl7.charset", "UTF-8").strip());
    }

    /**
     * Whether an order registers a patient the archive does not know (BEACON_HL7_REGISTER_PATIENTS); false:
     * such an order is refused (AE) until an ADT^A01/A04 registers them.
     */
    static boolean ordersRegisterPatients() {
        return Boolean.parseBoolean(System.getProperty("beacon.hl7.register-patients", "false").strip());
    }

    /**
     * The Scheduled Station AE Titles of an order's steps by modality, for orders that name none
     * (BEACON_HL7_STATIONS, e.g. "CT=CT1\CT2,MR=MR1"): a station finds them by its AE title.
     */
    static Map<String, String[]> stations() {
        Map<String, String[]> m = new LinkedHashMap<>();
        String v = System.getProperty("beacon.hl7.stations", "").strip();
        for (String entry : v.isEmpty() ? new String[0] : v.split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                m.put(entry.substring(0, eq).strip().toUpperCase(Locale.ROOT), entry.substring(eq + 1).strip()
                        .split("\\\\"));
            }
        }
        return m;
    }
}
