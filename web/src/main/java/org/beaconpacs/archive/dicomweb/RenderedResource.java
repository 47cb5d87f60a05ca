package org.beaconpacs.archive.dicomweb;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.beaconpacs.archive.render.Rendering;
import org.beaconpacs.archive.render.StoredImage;
import org.beaconpacs.archive.render.Thumbnails;
import org.beaconpacs.archive.retrieve.StoredInstance;

/**
 * WADO-RS rendered resources and thumbnails (PS3.18 10.4.1.1.3, 10.4.1.1.6): an instance or one of its
 * frames as JPEG or PNG with {@code window}, {@code viewport} and {@code quality}; a document or report as
 * itself. A thumbnail is the first frame of the middle instance of the study or series (in series and
 * instance number order; the nearest one with pixels where it has none), fitted into {@value #THUMBNAIL}
 * pixels unless a viewport says otherwise.
 */
@Path("/")
public class RenderedResource {

    static final int THUMBNAIL = Thumbnails.SIZE;

    @jakarta.inject.Inject
    private StoredInstances stored;

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/rendered")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("instance") String instance, @QueryParam("window") String window,
                             @QueryParam("viewport") String viewport, @QueryParam("quality") String quality,
                             @QueryParam("annotation") String annotation,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept) throws IOException {
        noAnnotation(annotation);
        return RenderedOutput.of(read(stored.find(study, series, instance).get(0)), 0,
                RenderingParameters.rs(window, viewport, quality, 0), MediaRange.parse(accept));
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/frames/{frame}/rendered")
    public Response frame(@PathParam("study") String study, @PathParam("series") String series,
                          @PathParam("instance") String instance, @PathParam("frame") String frame,
                          @QueryParam("window") String window, @QueryParam("viewport") String viewport,
                          @QueryParam("quality") String quality, @QueryParam("annotation") String annotation,
                          @HeaderParam(HttpHeaders.ACCEPT) String accept) throws IOException {
        noAnnotation(annotation);
        int n = frameNumber(frame);
        return RenderedOutput.of(read(stored.find(study, series, instance).get(0)), n,
                RenderingParameters.rs(window, viewport, quality, 0), MediaRange.parse(accept));
    }

    @GET
    @Path("studies/{study}/thumbnail")
    public Response studyThumbnail(@PathParam("study") String study, @QueryParam("viewport") String viewport,
                                   @HeaderParam(HttpHeaders.ACCEPT) String accept) throws IOException {
        return thumbnail(stored.find(study, null, null), 0, viewport, accept);
    }

    @GET
    @Path("studies/{study}/series/{series}/thumbnail")
    public Response seriesThumbnail(@PathParam("study") String study, @PathParam("series") String series,
                                    @QueryParam("viewport") String viewport,
                                    @HeaderParam(HttpHeaders.ACCEPT) String accept) throws IOException {
        return thumbnail(stored.find(study, series, null), 0, viewport, accept);
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/thumbnail")
    public Response instanceThumbnail(@PathParam("study") String study, @PathParam("series") String series,
                                      @PathParam("instance") String instance, @QueryParam("viewport") String viewport,
                                      @HeaderParam(HttpHeaders.ACCEPT) String accept) throws IOException {
        return thumbnail(stored.find(study, series, instance), 0, viewport, accept);
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/frames/{frame}/thumbnail")
    public Response frameThumbnail(@PathParam("study") String study, @PathParam("series") String series,
                                   @PathParam("instance") String instance, @PathParam("frame") String frame,
                                   @QueryParam("viewport") String viewport,
                                   @HeaderParam(HttpHeaders.ACCEPT) String accept) throws IOException {
        return thumbnail(stored.find(study, series, instance), frameNumber(frame), viewport,
                accept);
    }

    private Response thumbnail(List<StoredInstance> instances, int frame, String viewport, String accept)
            throws IOException {
        Rendering rendering = RenderingParameters.rs(null, viewport, null, THUMBNAIL);
        StoredImage image = Thumbnails.representative(instances);
        if (image == null) {
            throw new NotAcceptableException("no instance here has pixels that can be rendered as a thumbnail");
        }
        return RenderedOutput.of(image, frame == 0 ? 1 : frame, rendering, single(MediaRange.parse(accept)));
    }

    /** A thumbnail is one image: multipart ranges are read as their part type. */
    private static List<MediaRange> single(List<MediaRange> ranges) {
        return ranges.stream().map(r -> r.multipart() ? new MediaRange(r.partType() == null ? "*/*" : r.partType(),
                r.params()) : r).toList();
    }

    private static int frameNumber(String frame) {
        int n = frame.matches("\\d{1,9}") ? Integer.parseInt(frame) : 0;
        if (n < 1) {
            throw new InvalidParameterException("a frame number counts from 1, not " + frame);
        }
        return n;
    }

    private static void noAnnotation(String annotation) {
        if (annotation != null && !annotation.isBlank()) {
            throw new InvalidParameterException("annotation is not supported: frames are rendered without burned-in"
                    + " text");
        }
    }

    private static StoredImage read(StoredInstance i) throws IOException {
        return StoredImage.read(i.file());
    }
}
