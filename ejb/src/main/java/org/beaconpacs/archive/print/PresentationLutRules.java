package org.beaconpacs.archive.print;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * A Presentation LUT's N-CREATE (PS3.4 H.4.9.2.1): either a shape (IDENTITY, LIN OD) or a Presentation LUT
 * Sequence of one LUT of 256 or 4096 entries, first mapped value 0, 10 to 16 bits, its data as long as
 * its descriptor says.
 */
final class PresentationLutRules {

    private PresentationLutRules() {
    }

    static Attributes check(Attributes given) throws PrintRefused {
        boolean hasShape = given.containsValue(Tag.PresentationLUTShape);
        Attributes lut = given.getItem(Tag.PresentationLUTSequence, 0);
        if (hasShape == (lut != null)) {
            throw hasShape ? PrintRules.invalid(Tag.PresentationLUTSequence, "a shape or a LUT, not both")
                    : PrintRules.missing(Tag.PresentationLUTShape, "Presentation LUT Shape or Sequence missing");
        }
        Attributes checked = new Attributes();
        if (hasShape) {
            String shape = given.getString(Tag.PresentationLUTShape).strip();
            if (!shape.equals("IDENTITY") && !shape.equals("LIN OD")) {
                throw PrintRules.invalid(Tag.PresentationLUTShape, "IDENTITY or LIN OD, not " + shape);
            }
            checked.setString(Tag.PresentationLUTShape, VR.CS, shape);
            return checked;
        }
        int[] descriptor;
        int[] data;
        try {
            descriptor = lut.getInts(Tag.LUTDescriptor);
            data = lut.getInts(Tag.LUTData);
        } catch (RuntimeException e) {
            throw PrintRules.invalid(Tag.PresentationLUTSequence, "unreadable LUT: " + e.getMessage());
        }
        if (descriptor == null || descriptor.length != 3) {
            throw PrintRules.invalid(Tag.LUTDescriptor, "LUT Descriptor has three values");
        }
        int entries = descriptor[0] & 0xFFFF;
        if (entries != 256 && entries != 4096) {
            throw PrintRules.invalid(Tag.LUTDescriptor, "256 or 4096 LUT entries, not " + entries);
        }
        if (descriptor[1] != 0) {
            throw PrintRules.invalid(Tag.LUTDescriptor, "the first value mapped is 0, not " + descriptor[1]);
        }
        if (descriptor[2] < 10 || descriptor[2] > 16) {
            throw PrintRules.invalid(Tag.LUTDescriptor, "10 to 16 bits per entry, not " + descriptor[2]);
        }
        if (data == null || data.length != entries) {
            throw PrintRules.invalid(Tag.LUTData, "LUT Data has " + entries + " entries, not "
                    + (data == null ? 0 : data.length));
        }
        Attributes item = checked.newSequence(Tag.PresentationLUTSequence).addItem();
        item.setInt(Tag.LUTDescriptor, VR.US, descriptor);
        item.setInt(Tag.LUTData, VR.US, data);
        return checked;
    }
}
