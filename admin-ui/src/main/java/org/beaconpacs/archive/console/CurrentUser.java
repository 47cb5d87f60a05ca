package org.beaconpacs.archive.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.beaconpacs.archive.security.Roles;

/** Who is logged in, whether they may change things, and logging out. */
@Named("user")
@RequestScoped
public class CurrentUser {

    @Inject
    private FacesContext faces;

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
        ((HttpServletRequest) ec.getRequest()).logout();
        ec.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }
}
