package org.beaconpacs.archive.print;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.AePermission;
import org.beaconpacs.archive.dimse.Capability;
import org.beaconpacs.archive.dimse.DimseScp;
import org.beaconpacs.archive.dimse.TransferSyntaxPolicy;
import org.beaconpacs.archive.query.Identifiers;
import org.beaconpacs.archive.rar.api.DimseRequest;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.DataWriter;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.CommandField;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scp.Responder;

/**
 * Print Management SCP (PS3.4 H): the Basic Grayscale and Color Print Management Meta SOP Classes and the
 * optional ones around them (Presentation LUT, Basic Annotation Box, Print Job, Printer Configuration
 * Retrieval). Each N-CREATE, N-SET, N-DELETE, N-ACTION and N-GET goes to {@link PrintService} by the SOP
 * class it names; its outcome becomes the status, the Error Comment, the Attribute Identifier List and the
 * attributes of the response.
 */
@ApplicationScoped
public class PrintScp implements DimseScp {

    private static final Logger LOG = Logger.getLogger(PrintScp.class.getName());
    private static final int PRINT = 1; // Action Type ID of N-ACTION print (PS3.4 H.4.1.2.4, H.4.2.2.4)
    private static final Capability CAPABILITY = Capability.of("Print Management",
            Set.of(UID.BasicGrayscalePrintManagementMeta, UID.BasicColorPrintManagementMeta, UID.PresentationLUT,
                    UID.BasicAnnotationBox, UID.PrintJob, UID.Printer, UID.PrinterConfigurationRetrieval),
            Set.of(CommandField.N_CREATE_RQ, CommandField.N_SET_RQ, CommandField.N_DELETE_RQ, CommandField.N_ACTION_RQ,
                    CommandField.N_GET_RQ),
            TransferSyntaxPolicy.NATIVE, AePermission.PRINT);

    @Inject
    private PrintService print;
    @Inject
    private PrintEventReporter reporter;

    @Override
    public Capability capability() {
        return CAPABILITY;
    }

    @Override
    public void onRequest(DimseRequest request, Responder responder) throws IOException {
        Command rq = request.message().command();
        PrintService.Caller caller = new PrintService.Caller(request.association().serial(),
                request.association().callingAeTitle(), request.association().calledAeTitle());
        String sopClass = rq.sopClassUid();
        String uid = rq.sopInstanceUid();
        boolean color = UID.BasicColorPrintManagementMeta.equals(request.message().abstractSyntax());
        InputStream data = request.message().data();
        String ts = request.message().transferSyntax();
        reporter.register(caller.serial(), responder);
        try {
            PrintOutcome outcome = switch (rq.commandField()) {
                case CommandField.N_CREATE_RQ -> create(caller, sopClass, uid, read(data, ts), color);
                case CommandField.N_SET_RQ -> set(caller, sopClass, uid, data, ts);
                case CommandField.N_DELETE_RQ -> delete(caller, sopClass, uid);
                case CommandField.N_ACTION_RQ -> action(caller, sopClass, uid, rq.actionTypeId());
                default -> get(caller, sopClass, uid, rq.attributes().getInts(Tag.AttributeIdentifierList));
            };
            Command rsp = rq.response(outcome.warning(), outcome.data() != null);
            if (outcome.comment() != null) {
                rsp.setErrorComment(outcome.comment());
            }
            if (rq.commandField() == CommandField.N_CREATE_RQ && rq.affectedSopInstanceUid() == null) {
                rsp.setAffectedSopInstanceUid(outcome.uid());
            }
            responder.respond(rsp, outcome.data() == null ? null : DataWriter.of(outcome.data()));
            if (rq.commandField() == CommandField.N_ACTION_RQ) {
                reporter.announced(outcome.uid()); // the job's reports may follow now
            }
        } catch (PrintRefused e) {
            LOG.info(() -> CommandField.name(rq.commandField()) + " " + sopClass + " of " + caller.callingAe()
                    + " refused: " + Status.toString(e.status()) + " " + e.getMessage());
            Command rsp = rq.response(e.status(), false).setErrorComment(e.getMessage());
            if (e.tags().length > 0) {
                rsp.setAttributeIdentifierList(e.tags());
            }
            responder.respond(rsp, null);
        } finally {
            if (data != null) {
                data.skip(Long.MAX_VALUE); // whatever a refusal left unread
            }
        }
    }

    private PrintOutcome create(PrintService.Caller caller, String sopClass, String uid, Attributes data,
                                boolean color) throws PrintRefused {
        return switch (sopClass) {
            case UID.BasicFilmSession -> print.createFilmSession(caller, uid, data);
            case UID.BasicFilmBox -> print.createFilmBox(caller, uid, data, color);
            case UID.PresentationLUT -> print.createPresentationLut(caller, uid, data);
            default -> throw noSuch(sopClass, "N-CREATE");
        };
    }

    private PrintOutcome set(PrintService.Caller caller, String sopClass, String uid, InputStream data, String ts)
            throws PrintRefused, IOException {
        return switch (sopClass) {
            case UID.BasicFilmSession -> print.setFilmSession(caller, uid, read(data, ts));
            case UID.BasicFilmBox -> print.setFilmBox(caller, uid, read(data, ts));
            case UID.BasicGrayscaleImageBox, UID.BasicColorImageBox -> {
                Path spool = print.spoolFile(caller, uid);
                Attributes given = data == null ? new Attributes() : ImageBoxReader.read(data, ts, spool);
                yield print.setImageBox(caller, uid, given, sopClass.equals(UID.BasicColorImageBox));
            }
            case UID.BasicAnnotationBox -> {
                print.setAnnotationBox(caller, uid, read(data, ts));
                yield PrintOutcome.done(uid, null);
            }
            default -> throw noSuch(sopClass, "N-SET");
        };
    }

    private PrintOutcome delete(PrintService.Caller caller, String sopClass, String uid) throws PrintRefused {
        switch (sopClass) {
            case UID.BasicFilmSession -> print.deleteFilmSession(caller, uid);
            case UID.BasicFilmBox -> print.deleteFilmBox(caller, uid);
            case UID.PresentationLUT -> print.deletePresentationLut(caller, uid);
            default -> throw noSuch(sopClass, "N-DELETE");
        }
        return PrintOutcome.done(uid, null);
    }

    private PrintOutcome action(PrintService.Caller caller, String sopClass, String uid, int actionType)
            throws PrintRefused {
        if (!UID.BasicFilmSession.equals(sopClass) && !UID.BasicFilmBox.equals(sopClass)) {
            throw noSuch(sopClass, "N-ACTION");
        }
        if (actionType != PRINT) {
            throw new PrintRefused(Status.NO_SUCH_ACTION_TYPE, "Action Type ID " + actionType + ": only 1 (print)");
        }
        return UID.BasicFilmSession.equals(sopClass) ? print.printFilmSession(caller, uid)
                : print.printFilmBox(caller, uid);
    }

    private PrintOutcome get(PrintService.Caller caller, String sopClass, String uid, int[] tags)
            throws PrintRefused {
        Attributes all = switch (sopClass == null ? "" : sopClass) {
            case UID.Printer -> {
                wellKnown(uid, UID.PrinterInstance);
                yield print.printer(caller);
            }
            case UID.PrinterConfigurationRetrieval -> {
                wellKnown(uid, UID.PrinterConfigurationRetrievalInstance);
                yield print.printerConfiguration(caller);
            }
            case UID.PrintJob -> print.printJob(uid);
            default -> throw noSuch(sopClass, "N-GET");
        };
        if (tags == null || tags.length == 0) {
            return PrintOutcome.done(uid, all);
        }
        Attributes selected = new Attributes();
        selected.addSelected(all, tags);
        return PrintOutcome.done(uid, selected);
    }

    private static void wellKnown(String uid, String expected) throws PrintRefused {
        if (!expected.equals(uid)) {
            throw new PrintRefused(Status.NO_SUCH_SOP_INSTANCE, "the instance is " + expected + ", not " + uid);
        }
    }

    private static PrintRefused noSuch(String sopClass, String command) {
        return new PrintRefused(Status.NO_SUCH_SOP_CLASS, command + " of " + sopClass + " is not Print Management");
    }

    private static Attributes read(InputStream data, String ts) throws PrintRefused {
        try {
            Attributes a = Identifiers.read(data, ts);
            return a == null ? new Attributes() : a;
        } catch (IOException e) {
            throw new PrintRefused(Status.PROCESSING_FAILURE, "unreadable data set: " + e.getMessage());
        }
    }
}
