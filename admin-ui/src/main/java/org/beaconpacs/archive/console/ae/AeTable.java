package org.beaconpacs.archive.console.ae;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.activity.ActivityService;
import org.beaconpacs.archive.activity.SeenAe;
import org.beaconpacs.archive.config.AeChangedMeanwhileException;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AeNotFoundException;
import org.beaconpacs.archive.console.CurrentUser;
import org.beaconpacs.archive.console.Messages;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.verification.EchoResult;
import org.beaconpacs.archive.verification.EchoService;
import org.primefaces.PrimeFaces;

/**
 * The application entities page: the table of local and remote AEs, the create/edit dialog, delete,
 * C-ECHO per AE and for all remote AEs, and the calling AEs seen but not configured.
 */
@Named("aes")
@ViewScoped
public class AeTable implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Dialog field ids by AeDto field name, for messages next to the field. */
    private static final Map<String, String> FIELDS = Map.of("aeTitle", "aeForm:aeTitle", "host", "aeForm:host",
            "port", "aeForm:port", "description", "aeForm:description", "storageSopClasses", "aeForm:storageSopClasses");
    /** Every storage SOP class by name, for the local AE's choice (retired ones last). */
    private static final List<org.beaconpacs.dicom.dict.UIDDictionary.Entry> STORAGE_CLASSES =
            org.beaconpacs.dicom.dict.UIDDictionary.storageSopClasses().stream()
                    .map(org.beaconpacs.dicom.dict.UIDDictionary::entry)
                    .sorted(java.util.Comparator.comparing(org.beaconpacs.dicom.dict.UIDDictionary.Entry::retired)
                            .thenComparing(org.beaconpacs.dicom.dict.UIDDictionary.Entry::name))
                    .toList();

    @EJB
    private AeConfigService config;
    @EJB
    private EchoService echoService;
    @EJB
    private ActivityService activity;

    private List<AeDto> aes;
    private List<AeDto> filtered;
    private List<SeenAe> seen;
    private AeForm form = new AeForm();
    private final Map<String, EchoResult> echoes = new HashMap<>();
    private List<EchoResult> echoAll = new ArrayList<>();

    public List<AeDto> getAes() {
        if (aes == null) {
            aes = config.list();
        }
        return aes;
    }

    public List<SeenAe> getSeen() {
        if (seen == null) {
            seen = activity.seenNotConfigured(2000);
        }
        return seen;
    }

    public void create() {
        form = new AeForm();
    }

    /** A new remote AE from one seen calling: title and host filled in, the port left to the administrator. */
    public void adopt(SeenAe ae) {
        form = new AeForm();
        form.setAeTitle(ae.aeTitle());
        form.setHost(ae.host());
    }

    public void edit(AeDto ae) {
        form = AeForm.of(ae);
    }

    /** Saves the dialog; the service's problems go next to their fields and keep the dialog open. */
    public void save() {
        CurrentUser.requireAdmin();
        try {
            AeDto saved = form.isNew() ? config.create(form.toDto()) : config.update(form.originalTitle(), form.toDto());
            Messages.info("ae.saved", saved.aeTitle());
            PrimeFaces.current().executeScript("PF('aeDialog').hide()");
            reload();
        } catch (InvalidInputException e) {
            e.problems(Messages.locale()).forEach((field, text) -> Messages.errorText(FIELDS.get(field), text));
            fail();
        } catch (AeChangedMeanwhileException e) {
            Messages.error(null, "ae.changedMeanwhile", form.originalTitle());
            fail();
        } catch (AeNotFoundException e) {
            Messages.error(null, "ae.gone", form.originalTitle());
            fail();
        }
    }

    private static void fail() {
        jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
    }

    public void delete(AeDto ae) {
        CurrentUser.requireAdmin();
        try {
            config.delete(ae.aeTitle());
            Messages.info("ae.deleted", ae.aeTitle());
        } catch (AeNotFoundException e) {
            Messages.error(null, "ae.gone", ae.aeTitle());
        }
        reload();
    }

    /** A real C-ECHO through the resource adapter; the outcome in the growl and in the row. */
    public void echo(AeDto ae) {
        EchoResult r;
        try {
            r = echoService.echo(ae.aeTitle());
        } catch (AeNotFoundException e) {
            Messages.error(null, "ae.gone", ae.aeTitle());
            reload();
            return;
        }
        echoes.put(ae.aeTitle(), r);
        if (r.success()) {
            Messages.info("echo.success", r.aeTitle(), r.host(), String.valueOf(r.port()), r.millis());
        } else {
            Messages.error(null, "echo.failure", r.aeTitle(), r.reason(Messages.locale()));
        }
    }

    /** C-ECHO to every remote AE, one after the other: a health check of the whole network. */
    public void echoAll() {
        echoAll = new ArrayList<>();
        for (AeDto ae : getAes()) {
            if (!ae.local()) {
                EchoResult r = echoService.echo(ae.aeTitle());
                echoes.put(ae.aeTitle(), r);
                echoAll.add(r);
            }
        }
        long ok = echoAll.stream().filter(EchoResult::success).count();
        Messages.info("echo.allDone", ok, echoAll.size());
    }

    /** The last echo of this AE in this view, or null. */
    public EchoResult lastEcho(String aeTitle) {
        return echoes.get(aeTitle);
    }

    /** "OK 12 ms" or "Failed", for the tag of an echo. */
    public String label(EchoResult r) {
        return r.success() ? Messages.text("echo.ok.millis", r.millis()) : Messages.text("echo.failed");
    }

    public String deleteQuestion(AeDto ae) {
        return Messages.text("aes.deleteConfirm", ae.aeTitle());
    }

    public String reason(EchoResult r) {
        return r == null || r.success() ? "" : r.reason(Messages.locale());
    }

    private void reload() {
        aes = null;
        filtered = null;
        seen = null;
    }

    public List<org.beaconpacs.dicom.dict.UIDDictionary.Entry> getStorageClasses() {
        return STORAGE_CLASSES;
    }

    /** How many storage classes a local AE accepts, for the table: "all" or a count. */
    public String storageSummary(AeDto ae) {
        return !ae.local() ? "" : ae.restrictsStorage() ? Messages.text("ae.storageSome", ae.storageSopClasses().size())
                : Messages.text("ae.storageAll");
    }

    public AeForm getForm() {
        return form;
    }

    public List<AeDto> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<AeDto> filtered) {
        this.filtered = filtered;
    }

    public List<EchoResult> getEchoAll() {
        return echoAll;
    }
}
