package org.beaconpacs.archive.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.beaconpacs.archive.print.PrintAdmin;
import org.beaconpacs.archive.print.PrintJobSummary;
import org.beaconpacs.archive.print.PrinterSettings;

/**
 * Printers (list, create, change, status, delete) and the print queue (jobs, their films as PNG and
 * thumbnails, the job's PDF, reprint, delete).
 */
@Path("/print")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrintResource {

    @EJB
    private PrintAdmin print;

    /** A printer's status as an administrator sets it. */
    public record StatusChange(String status, String info) {
    }

    /** The print state the open associations hold (film sessions, spooled images): 0 when none print. */
    @GET
    @Path("/state")
    public PrintAdmin.State state() {
        return print.state();
    }

    @GET
    @Path("/printers")
    public List<PrinterSettings> printers() {
        return print.printers();
    }

    @GET
    @Path("/printers/{aet}")
    public PrinterSettings printer(@PathParam("aet") String aet) {
        return print.printer(aet).orElseThrow(() -> new NotFoundException("no printer for AE " + aet));
    }

    @POST
    @Path("/printers")
    public Response create(PrinterSettings printer) {
        PrinterSettings created = print.save(null, printer);
        return Response.created(UriBuilder.fromPath("print/printers/{aet}").build(created.aeTitle()))
                .entity(created).build();
    }

    @PUT
    @Path("/printers/{aet}")
    public PrinterSettings update(@PathParam("aet") String aet, PrinterSettings printer) {
        return print.save(aet, printer);
    }

    @PUT
    @Path("/printers/{aet}/status")
    public PrinterSettings status(@PathParam("aet") String aet, StatusChange change) {
        return print.setStatus(aet, change.status(), change.info());
    }

    @DELETE
    @Path("/printers/{aet}")
    public Response delete(@PathParam("aet") String aet) {
        if (!print.deletePrinter(aet)) {
            throw new NotFoundException("no printer for AE " + aet);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/jobs")
    public List<PrintJobSummary> jobs(@QueryParam("max") @DefaultValue("100") int max) {
        return print.jobs(Math.min(Math.max(max, 1), 1000));
    }

    @GET
    @Path("/jobs/{id}")
    public PrintJobSummary job(@PathParam("id") long id) {
        return print.job(id).orElseThrow(() -> new NotFoundException("no print job " + id));
    }

    @GET
    @Path("/jobs/{id}/films/{n}")
    @Produces("image/png")
    public Response film(@PathParam("id") long id, @PathParam("n") int n,
                         @QueryParam("thumbnail") @DefaultValue("false") boolean thumbnail) {
        java.nio.file.Path png = print.film(id, n, thumbnail)
                .orElseThrow(() -> new NotFoundException("no film " + n + " of print job " + id + " (yet)"));
        return Response.ok(png.toFile(), "image/png").build();
    }

    @GET
    @Path("/jobs/{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id) {
        java.nio.file.Path pdf = print.pdf(id).orElseThrow(() -> new NotFoundException("no PDF of print job " + id
                + " (yet)"));
        return Response.ok(pdf.toFile(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"print-job-" + id + ".pdf\"").build();
    }

    @POST
    @Path("/jobs/{id}/reprint")
    public PrintJobSummary reprint(@PathParam("id") long id) {
        return print.reprint(id).orElseThrow(() -> new NotFoundException("no print job " + id
                + " that is not printing"));
    }

    @DELETE
    @Path("/jobs/{id}")
    public Response deleteJob(@PathParam("id") long id) {
        if (!print.deleteJob(id)) {
            throw new NotFoundException("no print job " + id + " that is not printing");
        }
        return Response.noContent().build();
    }
}
