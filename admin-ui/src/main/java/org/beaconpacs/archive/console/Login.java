package org.beaconpacs.archive.console;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Logger;
import org.beaconpacs.archive.security.BeaconAuthentication;
import org.beaconpacs.archive.security.LoginThrottle;

/** The login form: checks the credentials through Jakarta Security (BeaconAuthentication) and goes where the user was going. */
@Named
@RequestScoped
public class Login {

    private static final Logger LOG = Logger.getLogger(Login.class.getName());

    @Inject
    private SecurityContext security;
    @Inject
    private FacesContext faces;

    private String username;
    private String password;

    public String login() {
        ExternalContext ec = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) ec.getRequest(),
                (HttpServletResponse) ec.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, password)).newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                Object returnTo = ec.getSessionMap().remove(BeaconAuthentication.RETURN_TO);
                try {
                    // back to the page asked for before the login (a path inside the console), or the dashboard
                    ec.redirect(ec.getRequestContextPath() + (returnTo instanceof String path && path.startsWith("/")
                            && !path.startsWith("//") ? path : "/index.xhtml"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            }
            default -> {
                LOG.info(() -> "console login failed for \"" + username + "\"");
                if (ec.getRequestMap().get(BeaconAuthentication.REFUSED) instanceof LoginThrottle.Verdict v) {
                    Messages.error(null, v.locked() ? "login.locked" : "login.throttled", v.retryAfterSeconds());
                } else {
                    Messages.error(null, "login.failed");
                }
                return null;
            }
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
