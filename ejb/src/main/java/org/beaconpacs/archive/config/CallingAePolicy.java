package org.beaconpacs.archive.config;

import java.util.Locale;

/** Who may open an association with us: any calling AE (logged), or only configured ones. */
public enum CallingAePolicy {
    ACCEPT("accept"),
    KNOWN_ONLY("known-only");

    private final String text;

    CallingAePolicy(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static CallingAePolicy parse(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (CallingAePolicy p : values()) {
            if (p.text.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("calling AE policy must be \"accept\" or \"known-only\", not \"" + s + "\"");
    }
}
