package org.beaconpacs.archive.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.CallingAePolicy;

/** Archive-wide network settings: whether calling AEs that are not configured may associate. */
@Path("/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingsResource {

    /** The settings as JSON: {"callingAes": "accept" | "known-only"}. */
    public record NetworkSettings(String callingAes) {
    }

    @EJB
    private AeConfigService config;

    @GET
    public NetworkSettings get() {
        return new NetworkSettings(config.callingAePolicy().text());
    }

    @PUT
    public NetworkSettings put(NetworkSettings settings) {
        config.setCallingAePolicy(CallingAePolicy.parse(settings.callingAes()));
        return get();
    }
}
