package org.beaconpacs.archive.entity.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A person who may use the console and the REST API, with a PBKDF2 password hash and roles
 * ({@code admin}, {@code viewer}); read at login by the database identity store.
 */
@Entity
@Table(name = "beacon_user")
public class UserAccount {

    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private Instant created = Instant.now();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "beacon_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, Set<String> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = new HashSet<>(roles);
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Set<String> getRoles() {
        return roles;
    }

    public Instant getCreated() {
        return created;
    }
}
