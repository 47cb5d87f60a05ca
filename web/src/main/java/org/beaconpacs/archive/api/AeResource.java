package org.beaconpacs.archive.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
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
import java.util.Map;
import org.beaconpacs.archive.commitment.CommitmentSummary;
import org.beaconpacs.archive.commitment.StorageCommitmentScu;
import org.beaconpacs.archive.remote.RemoteArchiveService;
import org.beaconpacs.archive.retrieve.TransferResult;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.json.DicomJsonWriter;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AeNotFoundException;
import org.beaconpacs.archive.verification.EchoResult;
import org.beaconpacs.archive.verification.EchoService;

/**
 * Application entities: list, create, update, delete; and, to a remote one, a C-ECHO, a C-FIND, a C-MOVE
 * of a study into this archive, and a storage commitment request for a study.
 */
@Path("/aes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AeResource {

    @EJB
    private AeConfigService config;
    @EJB
    private EchoService echo;
    @Inject
    private RemoteArchiveService remote;
    @Inject
    private StorageCommitmentScu commitments;

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

    /** A query to a remote archive: the level (STUDY, SERIES, IMAGE) and keys by keyword ("" asks for one). */
    public record FindRequest(String level, Map<String, String> keys) {
    }

    /**
     * A Study Root C-FIND as SCU to this AE: its matches as DICOM JSON (PS3.18 F.2), at most
     * {@link RemoteArchiveService#MAX_MATCHES}; 502 with the reason when the AE cannot be reached or refuses.
     */
    @POST
    @Path("/{aet}/find")
    @Produces("application/dicom+json")
    public String find(@PathParam("aet") String aet, FindRequest rq) throws java.io.IOException {
        List<Attributes> matches = remote.find(aet, rq == null ? null : rq.level(), rq == null ? null : rq.keys());
        StringBuilder json = new StringBuilder();
        new DicomJsonWriter().writeArray(matches, json);
        return json.toString();
    }

    /** The study a C-MOVE from a remote archive brings into this one. */
    public record StudyRequest(String studyInstanceUID) {
    }

    /**
     * A C-MOVE as SCU from this AE to this archive (the remote archive must know this archive's AE title as a
     * destination): the counts and the status of its final response.
     */
    @POST
    @Path("/{aet}/move")
    public TransferResult move(@PathParam("aet") String aet, StudyRequest rq) {
        if (rq == null || rq.studyInstanceUID() == null || rq.studyInstanceUID().isBlank()) {
            throw new IllegalArgumentException("studyInstanceUID is required");
        }
        return remote.pull(aet, rq.studyInstanceUID().strip());
    }

    /**
     * Asks this AE for storage commitment of a study (the archive as Storage Commitment SCU) and waits up to
     * {@code wait} seconds (default 30, at most 600) for its report: 200 with the transaction and each
     * instance's result once reported, else 202 with the transaction awaiting its report (Location: where to
     * look later). A request the AE does not take is 502.
     */
    @POST
    @Path("/{aet}/commit")
    public Response commit(@PathParam("aet") String aet, StudyRequest rq,
                           @jakarta.ws.rs.QueryParam("wait") @jakarta.ws.rs.DefaultValue("30") int wait) {
        if (rq == null || rq.studyInstanceUID() == null || rq.studyInstanceUID().isBlank()) {
            throw new IllegalArgumentException("studyInstanceUID is required");
        }
        if (wait < 0 || wait > 600) {
            throw new IllegalArgumentException("wait is in seconds, from 0 to 600, not " + wait);
        }
        CommitmentSummary c = commitments.commit(aet, rq.studyInstanceUID().strip(), java.time.Duration.ofSeconds(wait));
        if ("AWAITING_REPORT".equals(c.state())) {
            return Response.accepted(c).location(UriBuilder.fromPath("commitments/{uid}").build(c.transactionUid()))
                    .build();
        }
        return Response.ok(c).build();
    }
}
