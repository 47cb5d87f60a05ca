package org.beaconpacs.archive.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.beaconpacs.archive.security.CorsPolicy;
import org.beaconpacs.archive.security.SecurityHeaders;

/**
 * Refuses a state-changing request (POST, PUT, DELETE, PATCH) that a browser sends on behalf of another site
 * (cross-site request forgery): a browser may hold HTTP Basic credentials for the archive and send them with
 * a form another site submits. Such a request carries an {@code Origin} that is neither the archive's nor one
 * of {@code BEACON_CORS_ORIGINS}, or {@code Sec-Fetch-Site: cross-site}: it gets 403. Scripts and DICOMweb
 * clients send neither header and pass; bearer tokens are never sent by a browser on its own. Every answer
 * gets the browser security headers ({@link SecurityHeaders}).
 */
@WebFilter(urlPatterns = {"/api/*", "/dicomweb/*", "/wado", "/wado/*"})
public class CrossSiteFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response, false);
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "a " + request.getMethod()
                    + " from another site (Origin " + request.getHeader("Origin") + ") is refused: cross-site request"
                    + " forgery protection; allow a viewer's origin with BEACON_CORS_ORIGINS");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean crossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        }
        return !sameOrigin(origin, request) && !CorsPolicy.allowed(origin);
    }

    /** Whether {@code origin} is the scheme, host and port the request was sent to. */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI o = URI.create(origin.strip());
            String host = request.getHeader("Host");
            if (o.getScheme() == null || o.getHost() == null || host == null) {
                return false;
            }
            int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            URI h = URI.create(request.getScheme() + "://" + host);
            int hostPort = h.getPort() >= 0 ? h.getPort() : "https".equalsIgnoreCase(request.getScheme()) ? 443 : 80;
            return o.getScheme().equalsIgnoreCase(request.getScheme()) && port == hostPort
                    && o.getHost().toLowerCase(Locale.ROOT).equals(h.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
