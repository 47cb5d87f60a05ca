package org.beaconpacs.archive.console;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The console's language: English or Simplified Chinese. The browser's preference chooses at first; the
 * switcher in the header overrides it for the session.
 */
@Named("language")
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = fromBrowser(FacesContext.getCurrentInstance().getExternalContext().getRequestLocales());
        }
        return locale;
    }

    /** The first of the browser's languages we have (any Chinese is shown in Simplified Chinese). */
    static Locale fromBrowser(Iterator<Locale> preferred) {
        while (preferred.hasNext()) {
            String language = preferred.next().getLanguage();
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(language)) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }

    public String getTag() {
        return getLocale().toLanguageTag();
    }

    /** Switches to the language with this tag ("en" or "zh-CN"); the page reloads in it. */
    public String use(String tag) {
        Locale chosen = Locale.forLanguageTag(tag);
        locale = SUPPORTED.contains(chosen) ? chosen : Locale.ENGLISH;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
        return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true";
    }

    public List<Locale> getSupported() {
        return SUPPORTED;
    }
}
