package org.beaconpacs.archive.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * With {@code BEACON_HTTPS_REDIRECT=true}, a plain HTTP request to the console, the REST API, DICOMweb or
 * WADO-URI is sent to the same URL over HTTPS ({@code BEACON_HTTPS_PORT}) with 308, which keeps the method
 * and the body, before any credential is read ({@link BeaconAuthentication} asks first).
 */
public final class HttpsRedirect {

    private HttpsRedirect() {
    }

    /** Whether the request was answered with a redirect to HTTPS. */
    public static boolean redirect(HttpServletRequest request, HttpServletResponse response) {
        if (request.isSecure() || !Boolean.parseBoolean(System.getProperty("beacon.https.redirect", "false").strip())) {
            return false;
        }
        String port = System.getProperty("beacon.https.port", "8443").strip();
        String host = request.getServerName();
        String query = request.getQueryString();
        response.setStatus(308);
        response.setHeader("Location", "https://" + (host.contains(":") ? "[" + host + "]" : host)
                + ("443".equals(port) ? "" : ":" + port) + request.getRequestURI() + (query == null ? "" : "?" + query));
        return true;
    }
}
