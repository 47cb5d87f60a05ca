package org.beaconpacs.archive.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The response headers that keep a browser from misusing the archive's pages and answers: no MIME sniffing,
 * no framing by another site (clickjacking), no referrer outside, HSTS over HTTPS, and for the console's pages
 * a Content Security Policy that loads scripts, styles and images from the archive only (PrimeFaces needs
 * inline scripts and styles, so those are allowed from the archive's own pages).
 */
public final class SecurityHeaders {

    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** A year, the subdomains left to the hospital's own policy. */
    static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {
    }

    /** The headers of every answer; {@code page}: a console page, which gets the Content Security Policy too. */
    public static void apply(HttpServletRequest request, HttpServletResponse response, boolean page) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (page) {
            response.setHeader("Content-Security-Policy", CONSOLE_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
