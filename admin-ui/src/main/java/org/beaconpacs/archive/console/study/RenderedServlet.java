package org.beaconpacs.archive.console.study;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.beaconpacs.archive.render.CannotRenderException;
import org.beaconpacs.archive.render.FrameNotFoundException;
import org.beaconpacs.archive.render.FrameRenderer;
import org.beaconpacs.archive.render.RenderedMediaType;
import org.beaconpacs.archive.render.Rendering;
import org.beaconpacs.archive.render.StoredImage;
import org.beaconpacs.archive.render.Thumbnails;
import org.beaconpacs.archive.retrieve.RetrieveService;
import org.beaconpacs.archive.retrieve.StoredInstance;

/**
 * Rendered frames for the Studies page, behind the console's login (the page's images cannot send the
 * API's credentials): {@code ?study=&series=} a series' thumbnail, {@code &instance=&frame=N} a frame, both
 * JPEG, fitted into {@code size} pixels. The renderer is WADO-RS's (same windows, same thumbnails).
 */
@WebServlet("/rendered")
public class RenderedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SIZE = 2048;

    @EJB
    private RetrieveService retrieve;

    @Override
    protected void doGet(HttpServletRequest rq, HttpServletResponse rsp) throws IOException {
        String study = rq.getParameter("study");
        String instance = rq.getParameter("instance");
        int frame;
        int size;
        try {
            frame = rq.getParameter("frame") == null ? 1 : Integer.parseInt(rq.getParameter("frame"));
            size = rq.getParameter("size") == null ? Thumbnails.SIZE : Integer.parseInt(rq.getParameter("size"));
        } catch (NumberFormatException e) {
            frame = 0;
            size = 0;
        }
        if (study == null || frame < 1 || size < 1 || size > MAX_SIZE) {
            rsp.sendError(HttpServletResponse.SC_BAD_REQUEST, "study=UID[&series=UID[&instance=UID&frame=N]]"
                    + "&size=1.." + MAX_SIZE);
            return;
        }
        List<StoredInstance> found = retrieve.instances(study, rq.getParameter("series"), instance);
        StoredImage image = found.isEmpty() ? null : instance != null ? StoredImage.read(found.get(0).file())
                : Thumbnails.representative(found);
        if (image == null || !image.hasPixels()) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND, "no image to render");
            return;
        }
        try {
            var rendered = FrameRenderer.render(image, frame, new Rendering(null, size, size, null,
                    Rendering.DEFAULT_QUALITY));
            rsp.setContentType(RenderedMediaType.JPEG.type());
            rsp.setHeader("Cache-Control", "private, max-age=300");
            RenderedMediaType.JPEG.write(rendered, Rendering.DEFAULT_QUALITY, rsp.getOutputStream());
        } catch (FrameNotFoundException e) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        } catch (CannotRenderException e) {
            rsp.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE, e.getMessage());
        }
    }
}
