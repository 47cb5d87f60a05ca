package org.beaconpacs.archive.dicomweb;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.archive.query.QuerySettings;
import org.beaconpacs.archive.ups.UpsOutcome;
import org.beaconpacs.archive.ups.UpsRefused;
import org.beaconpacs.archive.ups.UpsService;
import org.beaconpacs.archive.ups.UpsStatus;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.json.DicomJsonReader;
import org.beaconpacs.dicom.json.DicomJsonWriter;

/**
 * UPS-RS (PS3.18 11): workitems created, retrieved, updated, searched, their state changed and their
 * cancellation requested, and AEs' subscriptions to their events (delivered over the WebSocket of
 * {@link UpsEventSocket}), on {@link UpsService}. A refusal of PS3.4 Annex CC is 404 (no such workitem),
 * 409 (wrong state or Transaction UID) or 400, with the DICOM status and its meaning in a Warning header.
 */
@Path("/workitems")
public class UpsResource {

    private static final DicomJsonWriter JSON = new DicomJsonWriter((a, t, v, x) -> null);

    @EJB
    private UpsService ups;
    @Context
    private UriInfo uri;
    @Context
    private jakarta.ws.rs.core.SecurityContext security;
    @Context
    private jakarta.servlet.http.HttpServletRequest http;

    @POST
    @Consumes({QidoResource.DICOM_JSON, "application/json"})
    public Response create(@QueryParam("workitem") String uid, InputStream body) throws IOException {
        Attributes workitem = one(body);
        String id = call(() -> ups.create(workitem, uid));
        URI location = uri.getBaseUriBuilder().path("workitems").path(id).build();
        return Response.created(location).header("Content-Location", location.toString()).build();
    }

    @GET
    @Path("{workitem}")
    public Response retrieve(@PathParam("workitem") String uid) {
        Attributes workitem = call(() -> ups.get(uid));
        return json("[" + JSON.toJson(workitem) + "]");
    }

    @POST
    @Path("{workitem}")
    @Consumes({QidoResource.DICOM_JSON, "application/json"})
    public Response update(@PathParam("workitem") String uid, @QueryParam("transaction-uid") String transactionUid,
                           InputStream body) throws IOException {
        Attributes changes = one(body);
        String tx = transactionUid != null ? transactionUid : changes.getString(Tag.TransactionUID);
        call(() -> {
            ups.update(uid, tx, changes);
            return null;
        });
        return Response.ok().build();
    }

    @PUT
    @Path("{workitem}/state")
    @Consumes({QidoResource.DICOM_JSON, "application/json"})
    public Response changeState(@PathParam("workitem") String uid, InputStream body) throws IOException {
        Attributes request = one(body);
        String state = request.getString(Tag.ProcedureStepState);
        if (!"IN PROGRESS".equals(state) && !"COMPLETED".equals(state) && !"CANCELED".equals(state)) {
            throw new InvalidParameterException("Procedure Step State (00741000) is IN PROGRESS, COMPLETED or CANCELED,"
                    + " not " + state);
        }
        UpsOutcome outcome = call(() -> ups.changeState(uid, state, request.getString(Tag.TransactionUID)));
        return warned(Response.ok(), outcome).build();
    }

    @POST
    @Path("{workitem}/cancelrequest")
    public Response requestCancellation(@PathParam("workitem") String uid, InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        Attributes request = bytes.length == 0 ? new Attributes() : one(new java.io.ByteArrayInputStream(bytes));
        UpsOutcome outcome = call(() -> ups.requestCancellation(uid, request));
        return warned(Response.accepted(), outcome).build();
    }

    @GET
    public Response search() {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        QidoParameters p = QidoParameters.of(q, Level.INSTANCE, null, null, QuerySettings.maxMatches());
        List<Attributes> found = ups.search(keys(q), p.offset(), p.limit() + 1,
                security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName(),
                http.getRemoteAddr());
        if (found.isEmpty()) {
            return Response.noContent().build();
        }
        boolean more = found.size() > p.limit();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < Math.min(found.size(), p.limit()); i++) {
            body.append(i == 0 ? "" : ",").append(JSON.toJson(found.get(i)));
        }
        Response.ResponseBuilder rsp = Response.ok(body.append(']').toString()).header(HttpHeaders.CONTENT_TYPE,
                QidoResource.DICOM_JSON);
        return (more ? rsp.header("Warning", "299 " + uri.getBaseUri()
                + ": There are additional results that can be requested") : rsp).build();
    }

    @POST
    @Path("{workitem}/subscribers/{aetitle}")
    public Response subscribe(@PathParam("workitem") String uid, @PathParam("aetitle") String ae,
                              @QueryParam("deletionlock") String deletionLock) {
        Attributes filter = org.beaconpacs.dicom.dict.UID.UPSFilteredGlobalSubscriptionInstance.equals(uid)
                ? keys(uri.getQueryParameters()) : null;
        call(() -> {
            ups.subscribe(aeTitle(ae), uid, "true".equalsIgnoreCase(deletionLock), filter);
            return null;
        });
        return Response.status(Response.Status.CREATED).build();
    }

    @DELETE
    @Path("{workitem}/subscribers/{aetitle}")
    public Response unsubscribe(@PathParam("workitem") String uid, @PathParam("aetitle") String ae) {
        call(() -> {
            ups.unsubscribe(aeTitle(ae), uid);
            return null;
        });
        return Response.ok().build();
    }

    @POST
    @Path("{workitem}/subscribers/{aetitle}/suspend")
    public Response suspend(@PathParam("workitem") String uid, @PathParam("aetitle") String ae) {
        if (!UpsService.isGlobal(uid)) {
            throw new InvalidParameterException("only a global subscription is suspended");
        }
        call(() -> {
            ups.suspend(aeTitle(ae), uid);
            return null;
        });
        return Response.ok().build();
    }

    /** The search keys: attributes by keyword or tag, as in QIDO-RS (the paging parameters left out). */
    private static Attributes keys(MultivaluedMap<String, String> q) {
        MultivaluedMap<String, String> attributes = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            if (!List.of("limit", "offset", "fuzzymatching", "includefield", "deletionlock").contains(e.getKey())) {
                attributes.put(e.getKey(), e.getValue());
            }
        }
        return QidoParameters.of(attributes, Level.INSTANCE, null, null, 1).identifier();
    }

    static String aeTitle(String ae) {
        String a = ae == null ? "" : ae.strip();
        if (a.isEmpty() || a.length() > 16 || a.contains("\\") || !a.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new InvalidParameterException("an AE title is 1 to 16 characters of ASCII without a backslash, not "
                    + ae);
        }
        return a;
    }

    /** The one data set of a body: a DICOM JSON object, or an array holding one. */
    private static Attributes one(InputStream body) throws IOException {
        List<Attributes> sets = new ArrayList<>();
        try (var r = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            new DicomJsonReader().readEach(r, (ds, error) -> {
                if (error != null) {
                    throw new InvalidParameterException("the DICOM JSON cannot be read: " + error.getMessage());
                }
                sets.add(ds);
            });
        } catch (InvalidParameterException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidParameterException("the body is not DICOM JSON: " + e.getMessage());
        }
        if (sets.size() != 1) {
            throw new InvalidParameterException("the body holds " + sets.size() + " data sets, not one");
        }
        return sets.get(0);
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (UpsRefused e) {
            throw refused(e);
        } catch (EJBException e) {
            if (e.getCause() instanceof UpsRefused r) {
                throw refused(r);
            }
            if (e.getCause() instanceof IllegalArgumentException i) {
                throw new InvalidParameterException(i.getMessage());
            }
            throw e;
        }
    }

    private jakarta.ws.rs.WebApplicationException refused(UpsRefused e) {
        int http = e.status() == UpsStatus.NO_SUCH_UPS ? 404 : e.status() == UpsStatus.DUPLICATE ? 409
                : e.status() == UpsStatus.NOT_SCHEDULED_ON_CREATE ? 400 : 409;
        return new jakarta.ws.rs.WebApplicationException(e.getMessage(), Response.status(http)
                .header("Warning", String.format("299 %s: %s (0x%04X)", uri.getBaseUri(), e.getMessage(), e.status()))
                .entity(e.getMessage() + "\n").type("text/plain; charset=UTF-8").build());
    }

    private Response.ResponseBuilder warned(Response.ResponseBuilder rsp, UpsOutcome outcome) {
        return outcome.warning() == null ? rsp : rsp.header("Warning", String.format("299 %s: %s (0x%04X)",
                uri.getBaseUri(), outcome.warning(), outcome.status()));
    }

    private static Response json(String body) {
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, QidoResource.DICOM_JSON).build();
    }
}
