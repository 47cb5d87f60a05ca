package org.beaconpacs.archive.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API under /beacon/api. Callers authenticate with HTTP Basic against the archive's users
 * (the database identity store; roles admin and viewer); web.xml says which role may do what.
 */
@ApplicationPath("/api")
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "Beacon PACS")
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:jboss/datasources/BeaconDS",
        callerQuery = "select password_hash from beacon_user where username = ?",
        groupsQuery = "select role from beacon_user_role where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({"admin", "viewer"})
public class ApiApplication extends Application {
}
