package org.beaconpacs.archive.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.beaconpacs.archive.commitment.CommitmentSummary;
import org.beaconpacs.archive.commitment.CommitmentWorker;
import org.beaconpacs.archive.commitment.StorageCommitmentService;
import org.beaconpacs.archive.study.NotFoundException;

/** Storage commitment transactions (PS3.4 J), newest first; one with its instances; its report sent again. */
@Path("/commitments")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentResource {

    @Inject
    private StorageCommitmentService commitments;
    @jakarta.ejb.EJB
    private CommitmentWorker worker;

    @GET
    public List<CommitmentSummary> recent(@QueryParam("max") @DefaultValue("100") int max) {
        return commitments.recent(Math.min(Math.max(max, 1), 1000));
    }

    @GET
    @Path("/{transactionUid}")
    public CommitmentSummary transaction(@PathParam("transactionUid") String uid) {
        return commitments.transaction(uid).orElseThrow(() -> new NotFoundException("storage commitment", uid));
    }

    /** Sends the report of a decided transaction again (administrators): 202, or 409 while it is undecided. */
    @POST
    @Path("/{transactionUid}/report")
    public Response reportAgain(@PathParam("transactionUid") String uid) {
        CommitmentSummary c = transaction(uid);
        if ("SCU".equals(c.role())) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorMappers.Error("transaction " + uid + " was asked by this archive of "
                            + c.calledAe() + ": the report is theirs to send", java.util.Map.of())).build();
        }
        if (!commitments.reportAgain(c.id())) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorMappers.Error("transaction " + uid + " is not decided yet: its report goes"
                            + " when it is", java.util.Map.of())).build();
        }
        worker.trigger();
        return Response.accepted().build();
    }
}
