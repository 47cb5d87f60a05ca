package org.beaconpacs.archive.input;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What is wrong with one field, as a message key and its arguments, so that the REST API can answer in
 * English and the console in the administrator's language. The words are in {@code Problems*.properties}.
 */
public record Problem(String key, Object... args) implements Serializable {

    private static final String BUNDLE = "org.beaconpacs.archive.input.Problems";

    /** The problem in words of {@code locale} (English where no translation exists). */
    public String text(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Problem.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    @Override
    public String toString() {
        return text(Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Problem p && p.key.equals(key) && Arrays.equals(p.args, args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }
}
