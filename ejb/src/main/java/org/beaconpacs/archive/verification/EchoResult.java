package org.beaconpacs.archive.verification;

import java.io.Serializable;
import java.util.Locale;
import org.beaconpacs.archive.input.Problem;

/**
 * The outcome of a C-ECHO to a remote AE: success with its round-trip time, or why not, in words an
 * administrator understands.
 *
 * @param status the C-ECHO-RSP status, or null when no response came
 * @param millis the time from connecting to the response (association included)
 * @param failure why it failed, as a message key with arguments (null on success)
 */
public record EchoResult(String aeTitle, String host, int port, boolean success, Integer status, long millis,
                         Problem failure) implements Serializable {

    /** Why it failed, in English; null on success. */
    public String reason() {
        return reason(Locale.ENGLISH);
    }

    /** Why it failed, in words of {@code locale}; null on success. */
    public String reason(Locale locale) {
        return failure == null ? null : failure.text(locale);
    }
}
