package org.beaconpacs.archive.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.beaconpacs.archive.hl7.Hl7Service;
import org.beaconpacs.archive.hl7.Hl7Summary;

/** The HL7 log: the latest messages received over MLLP and how each was acknowledged. */
@Path("/hl7")
@Produces(MediaType.APPLICATION_JSON)
public class Hl7Resource {

    @Inject
    private Hl7Service hl7;

    @GET
    public List<Hl7Summary> recent(@QueryParam("max") @DefaultValue("100") int max) {
        return hl7.recent(Math.min(Math.max(max, 1), 1000));
    }
}
