package org.beaconpacs.archive.dicomweb;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DICOMweb errors as PS3.18 8.5 wants them: the status code with a short plain-text reason (a user agent
 * shows it; there is no DICOM JSON for errors); anything unexpected a 500 with an id for the log.
 */
@Provider
public class DicomWebErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(DicomWebErrors.class.getName());

    @Override
    public Response toResponse(Throwable t) {
        if (t instanceof InvalidParameterException e) {
            return text(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (t instanceof WebApplicationException w) {
            return text(Response.Status.fromStatusCode(w.getResponse().getStatus()), w.getMessage());
        }
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "DICOMweb request failed (error " + id + ")", t);
        return text(Response.Status.INTERNAL_SERVER_ERROR, "internal error " + id + " (see the server log)");
    }

    private static Response text(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message + "\n")
                .build();
    }
}
