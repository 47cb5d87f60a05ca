package org.beaconpacs.archive.print;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.entity.print.Printer;
import org.beaconpacs.archive.schema.StartupLocks;

/** The printers' configuration in the database. */
@Stateless
public class Printers {

    private static final Logger LOG = Logger.getLogger(Printers.class.getName());

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;

    public List<PrinterSettings> all() {
        return em.createNamedQuery(Printer.ALL, Printer.class).getResultList().stream().map(Printers::settings)
                .toList();
    }

    /** The printer that local AE {@code aeTitle} stands for. */
    public Optional<PrinterSettings> forAe(String aeTitle) {
        return entity(aeTitle).map(Printers::settings);
    }

    /**
     * On the very first start, a printer for the archive's own AE title that writes PNG and PDF files, so a
     * print SCU pointed at the archive prints at once.
     */
    public void ensureDefault() {
        // two cluster nodes' first start at once: one creates it, the other finds it
        StartupLocks.holdForTransaction(em, StartupLocks.DEFAULT_PRINTER);
        if (em.createNamedQuery(Printer.ALL, Printer.class).setMaxResults(1).getResultList().isEmpty()) {
            Printer p = new Printer(Settings.localAeTitle(), "Film files (PNG, PDF)");
            p.setDescription("films rendered to PNG and PDF in the print queue");
            em.persist(p);
            LOG.info(() -> "first start: printer " + p.getName() + " answers print requests to " + p.getAeTitle());
        }
    }

    /** Creates ({@code existing} null) or updates a printer; the caller has checked it. */
    public PrinterSettings save(String existing, PrinterSettings s) {
        Printer p = existing == null ? new Printer(s.aeTitle().strip(), s.name().strip())
                : entity(existing).orElseThrow();
        p.setAeTitle(s.aeTitle().strip());
        p.setName(s.name().strip());
        p.setDescription(s.description());
        p.setResolutionDpi(s.resolutionDpi());
        p.setFilmSizes(s.filmSizes());
        p.setMediumTypes(s.mediumTypes());
        p.setFilmDestinations(s.filmDestinations());
        p.setDisplayFormats(s.displayFormats());
        p.setDefaultDisplayFormat(s.defaultDisplayFormat());
        p.setCustomFormats(s.customFormats());
        p.setAnnotationFormats(s.annotationFormats());
        p.setMagnificationTypes(s.magnificationTypes());
        p.setSmoothingTypes(s.smoothingTypes());
        p.setMinDensity(s.minDensity());
        p.setMaxDensity(s.maxDensity());
        p.setBorderDensity(s.borderDensity());
        p.setEmptyImageDensity(s.emptyImageDensity());
        p.setIllumination(s.illumination());
        p.setReflectedAmbientLight(s.reflectedAmbientLight());
        p.setOutputFiles(s.outputFiles());
        p.setCupsQueue(s.cupsQueue() == null || s.cupsQueue().isBlank() ? null : s.cupsQueue().strip());
        p.setToArchive(s.toArchive());
        p.setStatus(Printer.Status.valueOf(s.status()));
        p.setStatusInfo(s.statusInfo() == null || s.statusInfo().isBlank() ? "NORMAL" : s.statusInfo().strip());
        if (existing == null) {
            em.persist(p);
        }
        em.flush();
        return settings(p);
    }

    public boolean delete(String aeTitle) {
        Optional<Printer> p = entity(aeTitle);
        p.ifPresent(em::remove);
        return p.isPresent();
    }

    private Optional<Printer> entity(String aeTitle) {
        return em.createNamedQuery(Printer.BY_AE, Printer.class).setParameter("aeTitle", aeTitle == null ? ""
                : aeTitle.strip()).getResultStream().findFirst();
    }

    static PrinterSettings settings(Printer p) {
        return new PrinterSettings(p.getId(), p.getAeTitle(), p.getName(), p.getDescription(), p.getResolutionDpi(),
                p.getFilmSizes(), p.getMediumTypes(), p.getFilmDestinations(), p.getDisplayFormats(),
                p.getDefaultDisplayFormat(), p.getCustomFormats(), p.getAnnotationFormats(),
                p.getMagnificationTypes(), p.getSmoothingTypes(), p.getMinDensity(), p.getMaxDensity(),
                p.getBorderDensity(), p.getEmptyImageDensity(), p.getIllumination(), p.getReflectedAmbientLight(),
                p.isOutputFiles(), p.getCupsQueue(), p.isToArchive(), p.getStatus().name(), p.getStatusInfo(),
                p.getVersion());
    }
}
