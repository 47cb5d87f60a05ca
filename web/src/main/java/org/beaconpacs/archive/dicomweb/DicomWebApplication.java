package org.beaconpacs.archive.dicomweb;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * DICOMweb (PS3.18) under /beacon/dicomweb: the same users and roles as the REST API (web.xml: viewer
 * reads, admin also stores and deletes).
 */
@ApplicationPath("/dicomweb")
@ApplicationScoped
@DeclareRoles({"admin", "viewer"})
public class DicomWebApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(QidoResource.class, WadoResource.class, MetadataResource.class, FramesResource.class,
                RenderedResource.class, StowResource.class, UpsResource.class, DicomWebErrors.class);
    }
}
