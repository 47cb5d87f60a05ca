package org.beaconpacs.archive.print;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.print.Doc;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;

/**
 * A print job's PDF sent to a CUPS queue through the Java Print Service (which speaks IPP to the local
 * cupsd), with the film session's Number of Copies.
 */
final class CupsOutput {

    private CupsOutput() {
    }

    static void print(String queue, Path pdf, int copies, String jobName) throws IOException {
        PrintService service = Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                .filter(s -> s.getName().equals(queue)).findFirst().orElseThrow(() -> new IOException(
                        "no CUPS queue " + queue + " (queues: " + Arrays.stream(PrintServiceLookup
                                .lookupPrintServices(null, null)).map(PrintService::getName)
                                .collect(Collectors.joining(", ")) + ")"));
        DocFlavor flavor = service.isDocFlavorSupported(DocFlavor.INPUT_STREAM.PDF) ? DocFlavor.INPUT_STREAM.PDF
                : DocFlavor.INPUT_STREAM.AUTOSENSE;
        PrintRequestAttributeSet attrs = new HashPrintRequestAttributeSet();
        attrs.add(new Copies(Math.max(1, copies)));
        attrs.add(new JobName(jobName, null));
        DocPrintJob job = service.createPrintJob();
        try (InputStream in = Files.newInputStream(pdf)) {
            Doc doc = new SimpleDoc(in, flavor, null);
            job.print(doc, attrs);
        } catch (PrintException e) {
            throw new IOException("CUPS queue " + queue + " refused the job: " + e.getMessage(), e);
        }
    }
}
