package org.beaconpacs.archive.console.user;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.console.CurrentUser;
import org.beaconpacs.archive.console.Messages;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.security.Roles;
import org.beaconpacs.archive.security.UserDto;
import org.beaconpacs.archive.security.UserService;
import org.primefaces.PrimeFaces;

/** The users page (administrators only): who may log in, with which role; add, change, remove. */
@Named("users")
@ViewScoped
public class UserTable implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("username", "userForm:username",
            "password", "userForm:password", "role", "userForm:role");

    @EJB
    private UserService service;

    private List<UserDto> users;
    private boolean creating;
    private String username;
    private String password;
    private String role = Roles.VIEWER;

    public List<UserDto> getUsers() {
        if (users == null) {
            users = service.list();
        }
        return users;
    }

    public void create() {
        creating = true;
        username = null;
        password = null;
        role = Roles.VIEWER;
    }

    public void edit(UserDto u) {
        creating = false;
        username = u.username();
        password = null;
        role = u.role();
    }

    public void save() {
        CurrentUser.requireAdmin();
        try {
            if (creating && service.list().stream().anyMatch(u -> u.username().equals(username == null ? null
                    : username.strip()))) {
                Messages.error(FIELDS.get("username"), "users.exists", username.strip());
                FacesContext.getCurrentInstance().validationFailed();
                return;
            }
            UserDto saved = service.save(username, password, role);
            Messages.info("users.saved", saved.username());
            PrimeFaces.current().executeScript("PF('userDialog').hide()");
            users = null;
        } catch (InvalidInputException e) {
            e.problems(Messages.locale()).forEach((field, text) -> Messages.errorText(FIELDS.get(field), text));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void delete(UserDto u) {
        CurrentUser.requireAdmin();
        try {
            service.delete(u.username());
            Messages.info("users.deleted", u.username());
        } catch (InvalidInputException e) {
            e.problems(Messages.locale()).values().forEach(text -> Messages.errorText(null, text));
        }
        users = null;
    }

    public String deleteQuestion(UserDto u) {
        return Messages.text("users.deleteConfirm", u.username());
    }

    public List<String> getRoles() {
        return List.of(Roles.ADMIN, Roles.VIEWER);
    }

    public boolean isCreating() {
        return creating;
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

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
