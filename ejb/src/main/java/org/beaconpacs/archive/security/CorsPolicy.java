package org.beaconpacs.archive.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access (the Fetch standard's CORS protocol) to the REST API, DICOMweb and WADO-URI for the
 * origins in {@code beacon.cors.origins} (BEACON_CORS_ORIGINS: a comma-separated list such as
 * {@code https://viewer.example.org}, or {@code *}; empty, the default, allows none). Callers authenticate with
 * the Authorization header, never cookies, so credentials mode is not allowed.
 */
public final class CorsPolicy {

    private static final String METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    private static final String EXPOSED = "Warning, Content-Location, Location, Content-Type, WWW-Authenticate";

    private CorsPolicy() {
    }

    /** Adds the response headers of an allowed origin's request; false when the request has no allowed Origin. */
    public static boolean apply(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null || !allowed(origin)) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.addHeader("Vary", "Origin");
        response.setHeader("Access-Control-Expose-Headers", EXPOSED);
        return true;
    }

    /** Answers a preflight request of an allowed origin (204, no body); false when it is none. */
    public static boolean preflight(HttpServletRequest request, HttpServletResponse response) {
        if (!"OPTIONS".equals(request.getMethod()) || request.getHeader("Access-Control-Request-Method") == null
                || !apply(request, response)) {
            return false;
        }
        response.setHeader("Access-Control-Allow-Methods", METHODS);
        String headers = request.getHeader("Access-Control-Request-Headers");
        response.setHeader("Access-Control-Allow-Headers", headers == null || headers.isBlank()
                ? "Authorization, Content-Type, Accept" : headers);
        response.setHeader("Access-Control-Max-Age", "600");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return true;
    }

    /** Whether scripts of {@code origin} may call (BEACON_CORS_ORIGINS). */
    public static boolean allowed(String origin) {
        Set<String> origins = origins();
        return origins.contains("*") || origins.contains(origin.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static Set<String> origins() {
        return Arrays.stream(System.getProperty("beacon.cors.origins", "").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
    }
}
