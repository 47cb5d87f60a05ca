package org.beaconpacs.archive.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.worklist.WorklistFilter;
import org.beaconpacs.archive.worklist.WorklistService;
import org.beaconpacs.archive.worklist.WorklistSummary;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomParseException;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.json.DicomJsonReader;
import org.beaconpacs.dicom.json.DicomJsonWriter;

/**
 * The Modality Worklist's items (PS3.4 K.6): listed by scheduled step, one read and written as DICOM JSON
 * (PS3.18 F.2: the worklist attributes with the Scheduled Procedure Step Sequence), or imported from a
 * worklist file in Part 10 form (the {@code .wl} files of a file-based worklist).
 */
@Path("/worklist")
public class WorklistResource {

    private static final String DICOM_JSON = "application/dicom+json";
    private static final String DICOM = "application/dicom";

    @Inject
    private WorklistService worklist;

    /** Scheduled steps, newest first: from/to are YYYYMMDD dates, station an AE title, status a step status. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<WorklistSummary> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("modality") String modality, @QueryParam("station") String station,
                                      @QueryParam("status") String status,
                                      @QueryParam("max") @DefaultValue("200") int max) {
        return worklist.list(new WorklistFilter(from, to, modality, station, status), Math.min(Math.max(max, 1), 5000));
    }

    @GET
    @Path("/{id}")
    @Produces(DICOM_JSON)
    public String item(@PathParam("id") long id) {
        return new DicomJsonWriter().toJson(worklist.item(id));
    }

    /** A new item from DICOM JSON: 201 with its Location and id; 400 naming every field that is wrong. */
    @POST
    @Consumes({DICOM_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) throws IOException {
        return created(worklist.create(json(body)));
    }

    /** A new item from a worklist file (Part 10, as DCMTK's wlmscpfs reads them). */
    @POST
    @Consumes(DICOM)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importFile(InputStream body) throws IOException {
        Attributes item;
        try (DicomReader r = new DicomReader(body)) {
            DicomFile f = r.readFile();
            item = f.dataset();
        } catch (DicomParseException e) {
            throw new IllegalArgumentException("not a DICOM file (Part 10): " + e.getMessage(), e);
        }
        return created(worklist.create(item));
    }

    @PUT
    @Path("/{id}")
    @Consumes({DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response update(@PathParam("id") long id, InputStream body) throws IOException {
        worklist.update(id, json(body));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        worklist.delete(id);
        return Response.noContent().build();
    }

    /** Discontinues every step of the item not done with yet: {"discontinued": how many}. */
    @POST
    @Path("/{id}/discontinue")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> discontinue(@PathParam("id") long id) {
        return Map.of("discontinued", worklist.discontinue(id));
    }

    private static Response created(long id) {
        return Response.created(UriBuilder.fromPath("worklist/{id}").build(id)).entity(Map.of("id", id)).build();
    }

    private static Attributes json(InputStream body) throws IOException {
        try (Reader r = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            return new DicomJsonReader().read(r);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DICOM JSON object (PS3.18 F.2): " + e.getMessage(), e);
        }
    }
}
