package org.beaconpacs.archive.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.beaconpacs.archive.security.CorsPolicy;

/**
 * CORS for the REST API, DICOMweb and WADO-URI ({@link CorsPolicy}): preflights of allowed origins answered
 * here (they carry no credentials and web.xml leaves OPTIONS open), other requests marked for the browser.
 */
@WebFilter(urlPatterns = {"/api/*", "/dicomweb/*", "/wado", "/wado/*"})
public class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (CorsPolicy.preflight(request, response)) {
            return;
        }
        CorsPolicy.apply(request, response);
        chain.doFilter(request, response);
    }
}
