package org.beaconpacs.archive.console.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.beaconpacs.archive.security.SecurityHeaders;

/** Every answer of the console carries the browser security headers ({@link SecurityHeaders}), pages the CSP. */
@WebFilter("/*")
public class ConsoleHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response, !request.getRequestURI().contains("/jakarta.faces.resource/"));
        chain.doFilter(request, response);
    }
}
