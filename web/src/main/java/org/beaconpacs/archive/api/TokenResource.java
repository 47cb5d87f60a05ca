package org.beaconpacs.archive.api;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.HashSet;
import java.util.Set;
import org.beaconpacs.archive.security.BearerToken;
import org.beaconpacs.archive.security.Roles;
import org.beaconpacs.archive.security.TokenService;

/**
 * {@code POST /api/token}: a bearer token for the caller (authenticated with Basic, or with a token still
 * valid), answered as an OAuth 2.0 access token response (RFC 6749 5.1). Viewers and scripts send it as
 * {@code Authorization: Bearer …} to the API, DICOMweb and WADO-URI until it expires.
 */
@Path("/token")
public class TokenResource {

    @EJB
    private TokenService tokens;
    @Context
    private SecurityContext security;
    @Context
    private jakarta.servlet.http.HttpServletRequest request;
    @jakarta.inject.Inject
    private jakarta.enterprise.event.Event<org.beaconpacs.archive.security.UserAuthenticated> authenticated;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue() {
        Set<String> roles = new HashSet<>();
        for (String role : new String[]{Roles.ADMIN, Roles.VIEWER}) {
            if (security.isUserInRole(role)) {
                roles.add(role);
            }
        }
        BearerToken token = tokens.issue(security.getUserPrincipal().getName(), roles);
        authenticated.fire(new org.beaconpacs.archive.security.UserAuthenticated(
                security.getUserPrincipal().getName(), request.getRemoteAddr(),
                org.beaconpacs.archive.security.UserAuthenticated.Kind.LOGIN, true, "bearer token issued"));
        JsonObject body = Json.createObjectBuilder().add("access_token", token.value()).add("token_type", "Bearer")
                .add("expires_in", token.expiresIn()).build();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body.toString()).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
