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
import org.beaconpacs.archive.activity.AssociationRecord;
import org.beaconpacs.archive.activity.NegotiatedContext;
import org.beaconpacs.archive.activity.TracedMessage;

/** The association records, newest first, with their negotiation and DIMSE trace. */
@Path("/activity")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    /** One association as JSON. */
    public record Association(long id, String callingAe, String calledAe, String peerHost, Integer peerPort,
                              Integer localPort, Instant started, Instant ended, String outcome,
                              String outcomeDetail, long bytesReceived, long bytesSent, Long peerMaxPdu,
                              Long ourMaxPdu, String peerImplementationClassUid, String peerImplementationVersion,
                              Map<String, Integer> requests, int objectsStored, long bytesStored,
                              String failures, List<String> notes, String roles, List<NegotiatedContext> contexts,
                              List<TracedMessage> messages, boolean traceTruncated) {
    }

    @EJB
    private ActivityService activity;

    @GET
    public List<Association> latest(@QueryParam("max") @DefaultValue("100") int max) {
        List<AssociationRecord> records = activity.latest(Math.min(Math.max(max, 1), 1000));
        Map<Long, List<String>> notes = activity.notes(records.stream().map(AssociationRecord::getSerial).toList());
        return records.stream().map(r -> json(r, notes.getOrDefault(r.getSerial(), List.of()))).toList();
    }

    private static Association json(AssociationRecord r, List<String> notes) {
        return new Association(r.getId(), r.getCallingAe(), r.getCalledAe(), r.getPeerHost(), r.getPeerPort(),
                r.getLocalPort(), r.getStarted(), r.getEnded(), r.getOutcome().name(), r.getOutcomeDetail(),
                r.getBytesReceived(), r.getBytesSent(), r.getPeerMaxPdu(), r.getOurMaxPdu(),
                r.getPeerImplementationClassUid(), r.getPeerImplementationVersion(),
                r.requestCounts(), r.getObjectsStored(), r.getBytesStored(), r.getFailures(), notes, r.getRoles(), List.copyOf(r.getContexts()),
                List.copyOf(r.getMessages()), r.isTraceTruncated());
    }
}
