package org.beaconpacs.archive.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.beaconpacs.archive.security.Roles;
import org.beaconpacs.archive.security.UserAuthenticated;

/** Who is logged in, whether they may change things, and logging out. */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    private FacesContext faces;
    @Inject
    private jakarta.enterprise.event.Event<UserAuthenticated> authenticated;

    public String getName() {
        return faces.getExternalContext().getRemoteUser();
    }

    /** Pages show change controls only to admins; every changing action checks again ({@link #requireAdmin}). */
    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole(Roles.ADMIN);
    }

    /** Refuses a change by a viewer, whatever the page showed (a crafted request is refused here). */
    public static void requireAdmin() {
        if (!FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ADMIN)) {
            throw new SecurityException("only an administrator may change this");
        }
    }

    public String logout() throws ServletException {
        ExternalContext ec = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        if (request.getUserPrincipal() != null) {
            authenticated.fire(new UserAuthenticated(request.getUserPrincipal().getName(), request.getRemoteAddr(),
                    UserAuthenticated.Kind.LOGOUT, true, "console"));
        }
        request.logout();
        ec.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }
}
