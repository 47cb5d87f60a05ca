package org.beaconpacs.archive.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.beaconpacs.archive.audit.AuditEntry;
import org.beaconpacs.archive.audit.AuditFilter;
import org.beaconpacs.archive.audit.AuditStore;
import org.beaconpacs.archive.audit.AuditTrail;

/**
 * The audit trail kept here (administrators only): {@code GET /api/audit?user=&patientId=&event=&from=&to=}
 * newest first, {@code GET /api/audit/{id}} with the message's XML ({@code application/xml}), and
 * {@code GET /api/audit/queue}: how the queue in front of the writer fared (back-pressure).
 */
@Path("/audit")
public class AuditResource {

    @EJB
    private AuditStore audit;
    @EJB
    private AuditTrail trail;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEntry> search(@QueryParam("user") String user, @QueryParam("patientId") String patientId,
                                   @QueryParam("event") String event, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("offset") @DefaultValue("0") int offset,
                                   @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.search(new AuditFilter(user, patientId, event, instant("from", from), instant("to", to)),
                Math.max(0, offset), Math.min(Math.max(1, limit), 1000));
    }

    /** The audit queue since the start: waiting now, the most that waited, services that had to wait, lost. */
    @GET
    @Path("queue")
    @Produces(MediaType.APPLICATION_JSON)
    public AuditTrail.QueueStats queue() {
        return trail.stats();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Produces(MediaType.APPLICATION_XML)
    public String message(@PathParam("id") long id) {
        return audit.find(id).map(AuditEntry::message)
                .orElseThrow(() -> new NotFoundException("no audit record " + id));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " is no time such as 2026-12-03T10:15:30Z: " + value);
        }
    }
}
