package org.beaconpacs.archive.console.print;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.beaconpacs.archive.print.PrintAdmin;

/**
 * A print job's film previews, films and PDF for the print queue page ({@code ?job=ID&film=N[&thumbnail]}
 * or {@code ?job=ID&pdf}), behind the console's login like every page.
 */
@WebServlet("/print-output")
public class FilmServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private PrintAdmin print;

    @Override
    protected void doGet(HttpServletRequest rq, HttpServletResponse rsp) throws IOException {
        Optional<Path> file;
        String type;
        try {
            long job = Long.parseLong(rq.getParameter("job"));
            if (rq.getParameter("pdf") != null) {
                file = print.pdf(job);
                type = "application/pdf";
            } else {
                file = print.film(job, Integer.parseInt(rq.getParameter("film")), rq.getParameter("thumbnail") != null);
                type = "image/png";
            }
        } catch (NumberFormatException | NullPointerException e) {
            rsp.sendError(HttpServletResponse.SC_BAD_REQUEST, "job=ID and film=N or pdf");
            return;
        }
        if (file.isEmpty()) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND, "not printed (yet)");
            return;
        }
        rsp.setContentType(type);
        rsp.setContentLengthLong(Files.size(file.get()));
        rsp.setHeader("Cache-Control", "private, max-age=5");
        Files.copy(file.get(), rsp.getOutputStream());
    }
}
