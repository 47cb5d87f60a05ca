package org.beaconpacs.archive.print;

/**
 * A print request refused, with its PS3.4 H / PS3.7 status (0x0106 invalid attribute value, 0x0112 no
 * such object instance, 0xC600 film session without film boxes...), why, and the attributes concerned.
 */
public class PrintRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int[] tags;

    public PrintRefused(int status, String message, int... tags) {
        super(message);
        this.status = status;
        this.tags = tags.clone();
    }

    public int status() {
        return status;
    }

    public int[] tags() {
        return tags.clone();
    }
}
