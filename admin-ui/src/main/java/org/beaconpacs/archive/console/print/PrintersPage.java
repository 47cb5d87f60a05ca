package org.beaconpacs.archive.console.print;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.console.CurrentUser;
import org.beaconpacs.archive.console.Messages;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.print.PrintAdmin;
import org.beaconpacs.archive.print.PrinterSettings;
import org.primefaces.PrimeFaces;

/**
 * The printers page: each local AE that answers print requests, what it offers and where its films go;
 * the dialog to add or change one, its status (as print SCUs are told) and delete.
 */
@Named("printers")
@ViewScoped
public class PrintersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<String> FIELDS = List.of("aeTitle", "name", "resolutionDpi", "filmSizes", "mediumTypes",
            "filmDestinations", "displayFormats", "defaultDisplayFormat", "customFormats", "annotationFormats",
            "magnificationTypes", "maxDensity", "borderDensity", "emptyImageDensity", "illumination", "status",
            "cupsQueue", "outputFiles");

    @EJB
    private PrintAdmin print;

    private List<PrinterSettings> list = List.of();
    private PrinterForm form = PrinterForm.blank(null);
    private List<String> freeAes = List.of();
    private int openAssociations;

    @PostConstruct
    void load() {
        list = print.printers();
        freeAes = print.localAesWithoutPrinter();
        openAssociations = print.state().openAssociations();
    }

    public void create() {
        CurrentUser.requireAdmin();
        form = PrinterForm.blank(freeAes.isEmpty() ? null : freeAes.get(0));
    }

    public void edit(PrinterSettings p) {
        form = PrinterForm.of(p);
    }

    /** Saves the dialog; the problems go next to their fields and keep it open. */
    public void save() {
        CurrentUser.requireAdmin();
        try {
            PrinterSettings saved = print.save(form.isNew() ? null : form.getOriginalAe(), form.toSettings());
            Messages.info("printers.saved", saved.name(), saved.aeTitle());
            PrimeFaces.current().executeScript("PF('printerDialog').hide()");
            load();
        } catch (InvalidInputException e) {
            e.problems(Messages.locale()).forEach((field, text) -> Messages.errorText(
                    FIELDS.contains(field) ? "printerForm:" + field : null, text));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** Opens the status dialog for {@code p}. */
    public void openStatus(PrinterSettings p) {
        statusAe = p.aeTitle();
        newStatus = p.status();
        newInfo = p.statusInfo();
    }

    /** A status chosen in the dialog: its first defined status info, until one is picked or typed. */
    public void statusChosen() {
        newInfo = getStatusInfos().get(0);
    }

    /** Sets the chosen status and status info, as print SCUs are told. */
    public void applyStatus() {
        CurrentUser.requireAdmin();
        String info = newStatus.equals("NORMAL") ? "NORMAL" : newInfo;
        PrinterSettings p = print.setStatus(statusAe, newStatus, info);
        Messages.info("printers.statusSet", p.name(), p.status() + " (" + p.statusInfo() + ")");
        PrimeFaces.current().executeScript("PF('statusDialog').hide()");
        load();
    }

    /** Printer Status Info defined terms (PS3.3 C.13.9.1) an administrator picks from, by status. */
    public List<String> getStatusInfos() {
        return STATUS_INFO.getOrDefault(newStatus, List.of("NORMAL"));
    }

    private static final Map<String, List<String>> STATUS_INFO = Map.of(
            "WARNING", List.of("FILM LOW", "SUPPLY LOW", "PAPER LOW", "RECEIVER FULL", "CHECK PRINTER", "WARMING UP"),
            "FAILURE", List.of("NO FILM", "NO SUPPLY", "NO PAPER", "FILM JAM", "PAPER JAM", "PRINTER DOWN",
                    "ELEC DOWN", "CHECK PRINTER"));

    private String statusAe;
    private String newStatus = "NORMAL";
    private String newInfo;

    public String getNewStatus() {
        return newStatus;
    }

    public void setNewStatus(String newStatus) {
        this.newStatus = newStatus;
    }

    public String getNewInfo() {
        return newInfo;
    }

    public void setNewInfo(String newInfo) {
        this.newInfo = newInfo;
    }

    public String severity(String status) {
        return switch (status) {
            case "NORMAL" -> "success";
            case "WARNING" -> "warning";
            default -> "danger";
        };
    }

    public List<PrinterSettings> getList() {
        return list;
    }

    public PrinterForm getForm() {
        return form;
    }

    public List<String> getFreeAes() {
        return freeAes;
    }

    public int getOpenAssociations() {
        return openAssociations;
    }
}
