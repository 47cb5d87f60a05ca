package org.beaconpacs.archive.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The REST API under /beacon/api. Callers authenticate with HTTP Basic against the archive's users, or
 * with a bearer token from {@code POST /api/token} (BeaconAuthentication, roles admin and viewer); web.xml
 * says which role may do what.
 */
@ApplicationPath("/api")
@ApplicationScoped
@DeclareRoles({"admin", "viewer"})
public class ApiApplication extends Application {

    /** Named, not scanned: DICOMweb is another application of this WAR ({@code /dicomweb}). */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AeResource.class, ActivityResource.class, AuditResource.class, CommitmentResource.class, Hl7Resource.class,
                PrintResource.class, SettingsResource.class, StudyResource.class, TokenResource.class, UserResource.class,
                WorklistResource.class, ErrorMappers.class);
    }
}
