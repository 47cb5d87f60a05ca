package org.beaconpacs.archive.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AeChangedMeanwhileException;
import org.beaconpacs.archive.config.AeNotFoundException;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.study.DeleteIncompleteException;

/**
 * Errors as JSON a client can act on: 400 with a message per field, 404, 409 for a concurrent change,
 * 500 with what stopped a study delete; anything else unexpected is logged with an id and answered 500
 * with that id, never a stack trace.
 */
@Provider
public class ErrorMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    /** The error body: a message and, for invalid input, the problem of each field. */
    public record Error(String message, Map<String, String> fields) {
    }

    @Override
    public Response toResponse(Throwable t) {
        Throwable e = known(t);
        if (e instanceof InvalidInputException invalid) {
            return json(Response.Status.BAD_REQUEST, new Error(invalid.getMessage(), invalid.problems()));
        }
        if (e instanceof IllegalArgumentException) {
            return json(Response.Status.BAD_REQUEST, new Error(e.getMessage(), Map.of()));
        }
        if (e instanceof AeNotFoundException || e instanceof org.beaconpacs.archive.study.NotFoundException) {
            return json(Response.Status.NOT_FOUND, new Error(e.getMessage(), Map.of()));
        }
        if (e instanceof org.beaconpacs.archive.remote.RemoteArchiveException) {
            return json(Response.Status.BAD_GATEWAY, new Error(e.getMessage(), Map.of()));
        }
        if (e instanceof DeleteIncompleteException) {
            return json(Response.Status.INTERNAL_SERVER_ERROR, new Error(e.getMessage(), Map.of()));
        }
        if (e instanceof AeChangedMeanwhileException) {
            return json(Response.Status.CONFLICT, new Error(e.getMessage(), Map.of()));
        }
        if (e instanceof WebApplicationException w) {
            Response r = w.getResponse();
            return json(Response.Status.fromStatusCode(r.getStatus()), new Error(w.getMessage(), Map.of()));
        }
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "REST request failed (error " + id + ")", t);
        return json(Response.Status.INTERNAL_SERVER_ERROR,
                new Error("internal error " + id + " (see the server log)", Map.of()));
    }

    /** The first cause in the chain that says what went wrong in the caller's terms (EJB wrappers peeled). */
    private static Throwable known(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InvalidInputException || c instanceof AeNotFoundException
                    || c instanceof org.beaconpacs.archive.study.NotFoundException
                    || c instanceof AeChangedMeanwhileException || c instanceof IllegalArgumentException
                    || c instanceof DeleteIncompleteException
                    || c instanceof org.beaconpacs.archive.remote.RemoteArchiveException
                    || c instanceof WebApplicationException) {
                return c;
            }
            if (!(c instanceof EJBException) && c.getCause() == null) {
                break;
            }
        }
        return t;
    }

    private static Response json(Response.Status status, Error error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}
