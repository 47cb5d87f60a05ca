package org.beaconpacs.archive.dicomweb;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** WADO-URI (PS3.18 9) at /beacon/wado, beside DICOMweb's RESTful services, with the same users and roles. */
@ApplicationPath("/wado")
@ApplicationScoped
@DeclareRoles({"admin", "viewer"})
public class WadoUriApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WadoUriResource.class, DicomWebErrors.class);
    }
}
