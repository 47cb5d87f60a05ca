package org.beaconpacs.archive.dicomweb;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.index.Level;
import org.beaconpacs.archive.query.AttributeMatching;
import org.beaconpacs.archive.query.FindQuery;
import org.beaconpacs.archive.query.FindResult;
import org.beaconpacs.archive.query.InvalidQueryException;
import org.beaconpacs.archive.query.QueryContext;
import org.beaconpacs.archive.query.QueryRetrieveModel;
import org.beaconpacs.archive.query.QueryService;
import org.beaconpacs.archive.query.QuerySettings;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.json.DicomJsonWriter;
import org.beaconpacs.dicom.xml.DicomXmlWriter;

/**
 * QIDO-RS (PS3.18 10.6): searches for studies, series and instances on the C-FIND matching engine
 * ({@link QueryService}, Study Root, relational), answered in DICOM JSON or as Native DICOM Model parts
 * (PS3.19, when the Accept header asks for {@code multipart/related; type="application/dicom+xml"}) with
 * each match's RetrieveURL;
 * 204 when nothing matches; a {@code Warning} header when {@code limit} or the archive's maximum cut the
 * results short.
 */
@Path("/")
public class QidoResource {

    static final String DICOM_JSON = "application/dicom+json";
    /** Writes every value inline: a search answer has no bulk data to point at. */
    private static final DicomJsonWriter JSON = new DicomJsonWriter((attrs, tag, vr, value) -> null);
    private static final DicomXmlWriter XML = new DicomXmlWriter((attrs, tag, vr, value) -> null);

    private static final java.util.Set<VR> BULK = java.util.EnumSet.of(VR.OB, VR.OW, VR.OF, VR.OD, VR.OL, VR.OV,
            VR.UN);

    @Inject
    private QueryService query;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;
    @Context
    private jakarta.servlet.http.HttpServletRequest http;
    @HeaderParam(HttpHeaders.ACCEPT)
    private String accept;

    @GET
    @Path("studies")
    public Response studies() {
        return search(Level.STUDY, null, null);
    }

    @GET
    @Path("series")
    public Response series() {
        return search(Level.SERIES, null, null);
    }

    @GET
    @Path("studies/{study}/series")
    public Response seriesOfStudy(@PathParam("study") String study) {
        return search(Level.SERIES, study, null);
    }

    @GET
    @Path("instances")
    public Response instances() {
        return search(Level.INSTANCE, null, null);
    }

    @GET
    @Path("studies/{study}/instances")
    public Response instancesOfStudy(@PathParam("study") String study) {
        return search(Level.INSTANCE, study, null);
    }

    @GET
    @Path("studies/{study}/series/{series}/instances")
    public Response instancesOfSeries(@PathParam("study") String study, @PathParam("series") String series) {
        return search(Level.INSTANCE, study, series);
    }

    private Response search(Level level, String study, String series) {
        DicomModelType type = DicomModelType.of(accept);
        int max = QuerySettings.maxMatches();
        QidoParameters p = QidoParameters.of(uri.getQueryParameters(), level, study, series, max);
        FindQuery q;
        try {
            q = FindQuery.of(QueryRetrieveModel.STUDY_ROOT, p.identifier(), true, new AttributeMatching.Options(
                    p.fuzzy() == null ? QuerySettings.fuzzyPersonNames() : p.fuzzy(), true));
        } catch (InvalidQueryException e) {
            throw new InvalidParameterException(e.getMessage());
        }
        if (p.all()) {
            q = q.withAllAttributes();
        }
        List<Attributes> found = new ArrayList<>();
        int wanted = p.offset() + p.limit();
        int[] seen = {0};
        FindResult result;
        try {
            result = query.find(q, new QueryContext(user(), null, Settings.localAeTitle(), http.getRemoteAddr()), match -> {
                if (seen[0]++ < p.offset()) {
                    return true;
                }
                if (found.size() == p.limit()) {
                    return false; // one more than asked: there are more
                }
                found.add(answer(match));
                return true;
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        boolean more = seen[0] > wanted || result.ending() == FindResult.Ending.LIMIT_REACHED;
        if (found.isEmpty()) {
            return warn(Response.noContent(), more).build();
        }
        if (type == DicomModelType.XML) {
            MultipartWriter multipart = new MultipartWriter();
            StreamingOutput body = raw -> {
                OutputStream out = new BufferedOutputStream(raw, 16 * 1024);
                for (Attributes a : found) {
                    multipart.startPart(out, DicomModelType.DICOM_XML);
                    XML.write(a, out);
                    multipart.endPart(out);
                }
                multipart.close(out);
                out.flush();
            };
            return warn(Response.ok(body).header(HttpHeaders.CONTENT_TYPE, multipart.contentType(DicomModelType.DICOM_XML)),
                    more).build();
        }
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            JSON.writeArray(found, w);
            w.flush();
        };
        return warn(Response.ok(body).header(HttpHeaders.CONTENT_TYPE, DICOM_JSON), more).build();
    }

    /** A match as QIDO-RS answers it: no C-FIND bookkeeping, its RetrieveURL (PS3.18 10.6.3.3.1). */
    private Attributes answer(Attributes match) {
        match.remove(Tag.QueryRetrieveLevel);
        match.remove(Tag.RetrieveAETitle);
        match.remove(Tag.SpecificCharacterSet); // the values are decoded: DICOM JSON is UTF-8
        for (int tag : match.tags()) {
            if (BULK.contains(match.getVR(tag)) || (tag >>> 16) == 0x7FE0) {
                match.remove(tag); // a search answers no bulk data (pixels, overlays, private blobs)
            }
        }
        StringBuilder url = new StringBuilder(uri.getBaseUri().toString()).append("studies/")
                .append(match.getString(Tag.StudyInstanceUID, ""));
        String level = match.getString(Tag.SeriesInstanceUID);
        if (level != null && match.containsValue(Tag.SeriesInstanceUID)) {
            url.append("/series/").append(level);
            if (match.containsValue(Tag.SOPInstanceUID)) {
                url.append("/instances/").append(match.getString(Tag.SOPInstanceUID));
            }
        }
        match.setString(Tag.RetrieveURL, VR.UR, url.toString());
        return match;
    }

    private Response.ResponseBuilder warn(Response.ResponseBuilder rsp, boolean more) {
        return more ? rsp.header("Warning", "299 " + uri.getBaseUri()
                + ": There are additional results that can be requested") : rsp;
    }

    private String user() {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
