package org.beaconpacs.archive.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AeNotFoundException;
import org.beaconpacs.archive.verification.EchoResult;
import org.beaconpacs.archive.verification.EchoService;

/** Application entities: list, create, update, delete, and a C-ECHO to a remote one. */
@Path("/aes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AeResource {

    @EJB
    private AeConfigService config;
    @EJB
    private EchoService echo;

    @GET
    public List<AeDto> list() {
        return config.list();
    }

    @GET
    @Path("/{aet}")
    public AeDto get(@PathParam("aet") String aet) {
        return config.find(aet).orElseThrow(() -> new AeNotFoundException(aet));
    }

    @POST
    public Response create(AeDto ae) {
        AeDto created = config.create(ae);
        return Response.created(UriBuilder.fromPath("aes/{aet}").build(created.aeTitle())).entity(created).build();
    }

    @PUT
    @Path("/{aet}")
    public AeDto update(@PathParam("aet") String aet, AeDto ae) {
        return config.update(aet, ae);
    }

    @DELETE
    @Path("/{aet}")
    public Response delete(@PathParam("aet") String aet) {
        config.delete(aet);
        return Response.noContent().build();
    }

    /** The outcome of a C-ECHO as JSON; {@code reason} in English, null on success. */
    public record Echo(String aeTitle, String host, int port, boolean success, Integer status, long millis,
                       String reason) {
    }

    /** A C-ECHO as SCU to this AE: 200 with success or the reason it failed (a failed echo is an answer). */
    @POST
    @Path("/{aet}/echo")
    public Echo echo(@PathParam("aet") String aet) {
        EchoResult r = echo.echo(aet);
        return new Echo(r.aeTitle(), r.host(), r.port(), r.success(), r.status(), r.millis(), r.reason());
    }
}
