package org.beaconpacs.archive.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.activity.ActivityService;
import org.beaconpacs.archive.activity.AssociationSummary;

/** The association records, newest first, with their negotiation and DIMSE trace. */
@Path("/activity")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    /** One association as JSON. */
    public record Association(long id, String node, String callingAe, String calledAe, String peerHost, Integer peerPort,
                              Integer localPort, Instant started, Instant ended, String outcome,
                              String outcomeDetail, long bytesReceived, long bytesSent, Long peerMaxPdu,
                              Long ourMaxPdu, String peerImplementationClassUid, String peerImplementationVersion,
                              Map<String, Integer> requests, int objectsStored, long bytesStored,
                              String failures, List<String> notes, String roles,
                              List<AssociationSummary.Context> contexts, List<AssociationSummary.Message> messages,
                              boolean traceTruncated) {
    }

    @EJB
    private ActivityService activity;

    @GET
    public List<Association> latest(@QueryParam("max") @DefaultValue("100") int max) {
        List<AssociationSummary> records = activity.latest(Math.min(Math.max(max, 1), 1000));
        Map<Long, List<String>> notes = activity.notes(records.stream().map(AssociationSummary::serial).toList());
        return records.stream().map(r -> json(r, notes.getOrDefault(r.serial(), List.of()))).toList();
    }

    private static Association json(AssociationSummary r, List<String> notes) {
        return new Association(r.id(), r.node(), r.callingAe(), r.calledAe(), r.peerHost(), r.peerPort(), r.localPort(),
                r.started(), r.ended(), r.outcome(), r.outcomeDetail(), r.bytesReceived(), r.bytesSent(),
                r.peerMaxPdu(), r.ourMaxPdu(), r.peerImplementationClassUid(), r.peerImplementationVersion(),
                r.requestCounts(), r.objectsStored(), r.bytesStored(), r.failures(), notes, r.roles(), r.contexts(),
                r.messages(), r.traceTruncated());
    }
}
