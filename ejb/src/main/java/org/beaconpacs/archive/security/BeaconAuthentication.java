package org.beaconpacs.archive.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * How people log in, for the whole EAR. Jakarta Security 3 allows one authentication mechanism per
 * application, and the archive needs two: HTTP Basic or a bearer token ({@link TokenService}) for the REST
 * API, DICOMweb and WADO-URI (scripts, viewers, tests) and a login form for the console. This mechanism
 * chooses by context root and leaves the rest to the platform: passwords
 * are checked by the database identity store (PBKDF2 hashes in beacon_user), roles are its groups, and
 * the servlet container enforces web.xml's constraints.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:jboss/datasources/BeaconDS",
        callerQuery = "select password_hash from beacon_user where username = ?",
        groupsQuery = "select role from beacon_user_role where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class BeaconAuthentication implements HttpAuthenticationMechanism {

    /** The console's context root: form login; everything else answers with a Basic challenge. */
    public static final String CONSOLE = "/console";
    public static final String LOGIN_PAGE = "/login.xhtml";
    /** Request attribute: the {@link LoginThrottle.Verdict} that refused a console login unchecked. */
    public static final String REFUSED = BeaconAuthentication.class.getName() + ".refused";
    /** Session attribute: who logged in to the console (see {@link Caller}). */
    static final String CALLER = BeaconAuthentication.class.getName() + ".caller";
    /** Session attribute: the console page asked for before the login, to go back to. */
    public static final String RETURN_TO = BeaconAuthentication.class.getName() + ".returnTo";

    /**
     * A console login kept in the HTTP session until logout, timeout, or a change of the account (its
     * credential stamp, {@link TokenService#credentialStamp}).
     */
    record Caller(String name, Set<String> groups, String stamp) implements Serializable {
    }

    @Inject
    private IdentityStoreHandler identityStores;
    @jakarta.ejb.EJB
    private TokenService tokens;
    @Inject
    private jakarta.enterprise.event.Event<UserAuthenticated> authenticated;
    @Inject
    private LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (HttpsRedirect.redirect(request, response)) {
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return CONSOLE.equals(request.getContextPath()) ? console(request, context) : basic(request, response, context);
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var caller = tokens.validate(header.substring(7).strip());
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
            }
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Beacon PACS\", error=\"invalid_token\"");
            CorsPolicy.apply(request, response);
            return context.responseUnauthorized();
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return challenge(request, response, context);
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                String user = decoded.substring(0, colon);
                LoginThrottle.Verdict verdict = throttle.check(user, request.getRemoteAddr());
                if (!verdict.allowed()) {
                    authenticated.fire(new UserAuthenticated(user, request.getRemoteAddr(),
                            UserAuthenticated.Kind.LOGIN, false, "HTTP Basic: " + refusal(verdict)));
                    response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
                    CorsPolicy.apply(request, response);
                    try {
                        response.sendError(429, refusal(verdict));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return AuthenticationStatus.SEND_FAILURE;
                }
                CredentialValidationResult result = identityStores.validate(
                        new UsernamePasswordCredential(user, decoded.substring(colon + 1)));
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    throttle.succeeded(user, request.getRemoteAddr());
                    return context.notifyContainerAboutLogin(result);
                }
                throttle.failed(user, request.getRemoteAddr());
                authenticated.fire(new UserAuthenticated(user, request.getRemoteAddr(),
                        UserAuthenticated.Kind.LOGIN, false, "HTTP Basic: wrong user name or password"));
            }
            return challenge(request, response, context);
        }
        return context.isProtected() ? challenge(request, response, context) : context.doNothing();
    }

    /** A 401 with the Basic challenge, readable by a browser's script of an allowed origin. */
    private static AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
                                                  HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Beacon PACS\"");
        CorsPolicy.apply(request, response);
        return context.responseUnauthorized();
    }

    private AuthenticationStatus console(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) { // the login form, through SecurityContext.authenticate
            String user = credential instanceof UsernamePasswordCredential u ? u.getCaller() : "unknown";
            LoginThrottle.Verdict verdict = throttle.check(user, request.getRemoteAddr());
            if (!verdict.allowed()) {
                authenticated.fire(new UserAuthenticated(user, request.getRemoteAddr(), UserAuthenticated.Kind.LOGIN,
                        false, "console: " + refusal(verdict)));
                request.setAttribute(REFUSED, verdict);
                return AuthenticationStatus.SEND_FAILURE;
            }
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                throttle.failed(user, request.getRemoteAddr());
                authenticated.fire(new UserAuthenticated(user, request.getRemoteAddr(), UserAuthenticated.Kind.LOGIN,
                        false, "console: wrong user name or password"));
                return AuthenticationStatus.SEND_FAILURE;
            }
            String name = result.getCallerPrincipal().getName();
            throttle.succeeded(name, request.getRemoteAddr());
            authenticated.fire(new UserAuthenticated(name, request.getRemoteAddr(), UserAuthenticated.Kind.LOGIN, true,
                    "console"));
            request.getSession(true);
            request.changeSessionId(); // no session fixation
            request.getSession().setAttribute(CALLER,
                    new Caller(name, Set.copyOf(result.getCallerGroups()), tokens.credentialStamp(name)));
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        Caller caller = session == null ? null : (Caller) session.getAttribute(CALLER);
        if (caller != null && !caller.stamp().equals(tokens.credentialStamp(caller.name()))) {
            // the password or the role changed, or the user is gone, since this session's login: it ends
            authenticated.fire(new UserAuthenticated(caller.name(), request.getRemoteAddr(),
                    UserAuthenticated.Kind.LOGOUT, true, "console session ended: the account changed"));
            session.invalidate();
            caller = null;
        }
        if (caller != null) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod()) && !isAjax(request)) {
                String query = request.getQueryString();
                request.getSession(true).setAttribute(RETURN_TO,
                        request.getRequestURI().substring(request.getContextPath().length())
                                + (query == null ? "" : "?" + query));
            }
            return isAjax(request) ? ajaxRedirect(request, context) : context.redirect(
                    request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private static String refusal(LoginThrottle.Verdict verdict) {
        return verdict.locked() ? "locked after too many failed logins, for " + verdict.retryAfterSeconds() + " s"
                : "too many failed logins: wait " + verdict.retryAfterSeconds() + " s";
    }

    /** An expired session during an ajax request: a Faces partial response that sends the browser to the login. */
    private static AuthenticationStatus ajaxRedirect(HttpServletRequest request, HttpMessageContext context) {
        try {
            HttpServletResponse response = context.getResponse();
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + request.getContextPath() + LOGIN_PAGE + "\"/></partial-response>");
            return AuthenticationStatus.SEND_CONTINUE;
        } catch (java.io.IOException e) {
            return context.responseUnauthorized();
        }
    }

    private static boolean isAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }
}
