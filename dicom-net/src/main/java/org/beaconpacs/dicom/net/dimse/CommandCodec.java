package org.beaconpacs.dicom.net.dimse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomParseException;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.pdu.AAbort;
import org.beaconpacs.dicom.net.pdu.ProtocolException;

/**
 * Command sets on the wire (PS3.7 6.3.1): always Implicit VR Little Endian, opened by Command Group
 * Length (0000,0000). Commands are small (a few hundred bytes), so they travel as byte arrays.
 */
public final class CommandCodec {

    /** A command set larger than this is not a command set: refuse it before reading it. */
    public static final int MAX_COMMAND_LENGTH = 64 * 1024;

    private CommandCodec() {
    }

    public static byte[] encode(Command command) {
        Attributes a = command.attributes();
        a.remove(Tag.CommandGroupLength);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (DicomWriter w = new DicomWriter(out, 1024)) {
            w.setTransferSyntax(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            long length = w.datasetLength(a, false);
            a.setInt(Tag.CommandGroupLength, VR.UL, (int) length);
            w.writeDataset(a, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory writing does not fail
        }
        return out.toByteArray();
    }

    /** Decodes and checks a command set: it must say what it is and which message it is or answers. */
    public static Command decode(byte[] encoded) throws ProtocolException {
        Attributes a;
        try {
            a = new DicomReader(new ByteArrayInputStream(encoded), 1024).setMaxNesting(1)
                    .readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        } catch (DicomParseException e) {
            throw invalid("malformed command set: " + e.getMessage());
        } catch (IOException e) {
            throw invalid("unreadable command set: " + e.getMessage());
        }
        for (int tag : a.tags()) {
            if (tag >>> 16 != 0) {
                throw invalid("command set holds an element outside group 0000");
            }
        }
        Command c = new Command(a);
        try {
            int field = c.commandField();
            if (field < 0) {
                throw invalid("command set without Command Field (0000,0100)");
            }
            if (c.isResponse()) {
                if (c.messageIdBeingRespondedTo() < 0 || c.status() < 0) {
                    throw invalid(CommandField.name(field) + " without Message ID Being Responded To or Status");
                }
            } else if (field == CommandField.C_CANCEL_RQ ? c.messageIdBeingRespondedTo() < 0 : c.messageId() < 0) {
                throw invalid(CommandField.name(field) + " without its Message ID");
            }
        } catch (NumberFormatException e) {
            throw invalid("command element with a value of the wrong type");
        }
        return c;
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(message, AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
    }
}
