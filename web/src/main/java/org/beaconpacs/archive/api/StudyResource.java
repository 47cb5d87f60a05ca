package org.beaconpacs.archive.api;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.beaconpacs.archive.retrieve.ExportService;
import org.beaconpacs.archive.retrieve.TransferResult;
import org.beaconpacs.archive.study.InstanceSummary;
import org.beaconpacs.archive.study.Page;
import org.beaconpacs.archive.study.SeriesSummary;
import org.beaconpacs.archive.study.StudyFilter;
import org.beaconpacs.archive.study.StudyService;
import org.beaconpacs.archive.study.StudySummary;

/**
 * Stored studies: a paged list with filters (patient ID, patient name with * and ? wildcards,
 * accession number, study date range YYYYMMDD, modality), drill-down to series and instances, delete.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class StudyResource {

    @EJB
    private StudyService studies;
    @Inject
    private ExportService exports;
    @Inject
    private org.beaconpacs.archive.mpps.MppsService mpps;

    @GET
    @Path("studies")
    public Page<StudySummary> search(@QueryParam("patientId") String patientId,
                                     @QueryParam("patientName") String patientName,
                                     @QueryParam("accessionNumber") String accessionNumber,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("modality") String modality,
                                     @QueryParam("offset") @DefaultValue("0") int offset,
                                     @QueryParam("limit") @DefaultValue("50") int limit) {
        return studies.search(new StudyFilter(patientId, patientName, accessionNumber, date(from, "from"),
                date(to, "to"), modality), offset, limit);
    }

    @GET
    @Path("studies/{uid}")
    public StudySummary study(@PathParam("uid") String uid) {
        return studies.study(uid);
    }

    /** The Performed Procedure Steps modalities reported for the study, with how many of their series arrived. */
    @GET
    @Path("studies/{uid}/mpps")
    public List<org.beaconpacs.archive.mpps.MppsSummary> mpps(@PathParam("uid") String uid) {
        return mpps.forStudy(uid);
    }

    @GET
    @Path("studies/{uid}/series")
    public List<SeriesSummary> series(@PathParam("uid") String uid) {
        return studies.series(uid);
    }

    @GET
    @Path("series/{uid}/instances")
    public List<InstanceSummary> instances(@PathParam("uid") String uid) {
        return studies.instances(uid);
    }

    /** Removes the study's files and index rows together; 204 when done. */
    @DELETE
    @Path("studies/{uid}")
    public Response delete(@PathParam("uid") String uid) {
        studies.delete(uid);
        return Response.noContent().build();
    }

    private static String date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replace("-", "");
        if (!v.matches("\\d{8}")) {
            throw new IllegalArgumentException(name + " must be a date YYYYMMDD (or YYYY-MM-DD), not \"" + value + "\"");
        }
        return v;
    }

    /** Sends the study's instances to a configured remote AE (C-STOREs as this archive): counts and status. */
    @POST
    @Path("studies/{uid}/export")
    public TransferResult export(@PathParam("uid") String uid, @QueryParam("to") String aeTitle,
                                 @Context SecurityContext security) {
        if (aeTitle == null || aeTitle.isBlank()) {
            throw new IllegalArgumentException("to (the AE title to send to) is required");
        }
        return exports.export(uid, aeTitle.strip(), security.getUserPrincipal().getName());
    }
}
