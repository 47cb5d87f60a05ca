package org.beaconpacs.archive.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.beaconpacs.archive.security.UserDto;
import org.beaconpacs.archive.security.UserService;

/**
 * The users of the console and the API (admin only, see web.xml): list, create or change
 * ({@code PUT /users/{name}} with {@code {"password": ..., "role": "admin"|"viewer"}}), remove.
 */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    /** What a PUT carries; the password may be left out to change only the role. */
    public record Change(String password, String role) {
    }

    @EJB
    private UserService users;

    @GET
    public List<UserDto> list() {
        return users.list();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserDto save(@PathParam("name") String name, Change change) {
        return users.save(name, change == null ? null : change.password(), change == null ? null : change.role());
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        users.delete(name);
        return Response.noContent().build();
    }
}
