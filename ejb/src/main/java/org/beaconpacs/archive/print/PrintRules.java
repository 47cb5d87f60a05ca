package org.beaconpacs.archive.print;

import java.util.List;
import org.beaconpacs.archive.print.film.Density;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.dimse.Status;

/**
 * The attributes of film sessions and film boxes (PS3.4 H.4.1, H.4.2): each value checked against what
 * the printer offers (0x0106 otherwise, naming the attribute), absent ones given the printer's default,
 * densities outside the printer's range brought into it with the warning 0xB605.
 */
final class PrintRules {

    static final int MAX_COPIES = 99;

    private PrintRules() {
    }

    /**
     * Checks and completes a film session's attributes: {@code given} on N-CREATE (with {@code current}
     * empty) or N-SET (over {@code current}). Returns the warning, if any.
     */
    static PrintOutcome filmSession(Attributes current, Attributes given, PrinterSettings printer, String uid)
            throws PrintRefused {
        PrintOutcome outcome = PrintOutcome.done(uid, current);
        if (given.contains(Tag.NumberOfCopies)) {
            int copies = integer(given, Tag.NumberOfCopies);
            if (copies < 1) {
                throw invalid(Tag.NumberOfCopies, "Number of Copies is at least 1");
            }
            if (copies > MAX_COPIES) {
                outcome = outcome.warn(Status.ATTRIBUTE_VALUE_OUT_OF_RANGE, "at most " + MAX_COPIES + " copies");
                copies = MAX_COPIES;
            }
            current.setString(Tag.NumberOfCopies, VR.IS, Integer.toString(copies));
        }
        take(current, given, Tag.PrintPriority, List.of("HIGH", "MED", "LOW"));
        take(current, given, Tag.MediumType, printer.mediumTypeList());
        take(current, given, Tag.FilmDestination, printer.filmDestinationList());
        copy(current, given, Tag.FilmSessionLabel, VR.LO);
        copy(current, given, Tag.OwnerID, VR.SH);
        copy(current, given, Tag.SpecificCharacterSet, VR.CS);
        if (given.contains(Tag.ProposedStudySequence)) {
            // the patient and study the films belong to, for printing to the archive
            Attributes proposed = given.getItem(Tag.ProposedStudySequence, 0);
            current.remove(Tag.ProposedStudySequence);
            if (proposed != null) {
                current.newSequence(Tag.ProposedStudySequence).add(new Attributes(proposed));
            }
        }
        defaults(current, Tag.NumberOfCopies, "1");
        defaults(current, Tag.PrintPriority, "MED");
        defaults(current, Tag.MediumType, printer.mediumTypeList().get(0));
        defaults(current, Tag.FilmDestination, printer.filmDestinationList().get(0));
        if (given.containsValue(Tag.MemoryAllocation)) {
            outcome = outcome.warn(PrintStatus.MEMORY_ALLOCATION_NOT_SUPPORTED, "memory allocation not supported");
        }
        return outcome;
    }

    /**
     * Checks and completes a film box's attributes that N-CREATE and N-SET share (magnification,
     * smoothing, densities, trim, viewing conditions); the layout ones are the caller's.
     */
    static PrintOutcome filmBox(Attributes current, Attributes given, PrinterSettings printer, String uid)
            throws PrintRefused {
        PrintOutcome outcome = PrintOutcome.done(uid, current);
        take(current, given, Tag.MagnificationType, printer.magnificationTypeList());
        take(current, given, Tag.SmoothingType, printer.smoothingTypeList());
        take(current, given, Tag.Trim, List.of("YES", "NO"));
        copy(current, given, Tag.ConfigurationInformation, VR.ST);
        for (int tag : new int[] {Tag.BorderDensity, Tag.EmptyImageDensity}) {
            if (given.containsValue(tag)) {
                String v = given.getString(tag).strip();
                try {
                    Density.od(v, printer.minDensity(), printer.maxDensity());
                } catch (IllegalArgumentException e) {
                    throw invalid(tag, e.getMessage());
                }
                current.setString(tag, VR.CS, v);
            }
        }
        for (int tag : new int[] {Tag.MinDensity, Tag.MaxDensity, Tag.Illumination, Tag.ReflectedAmbientLight}) {
            if (given.containsValue(tag)) {
                int v = integer(given, tag);
                if (v < 0) {
                    throw invalid(tag, "not a negative value");
                }
                current.setInt(tag, VR.US, v);
            }
        }
        int min = current.getInt(Tag.MinDensity, printer.minDensity());
        int max = current.getInt(Tag.MaxDensity, printer.maxDensity());
        if (min < printer.minDensity() || max > printer.maxDensity()) {
            outcome = outcome.warn(PrintStatus.DENSITY_OUT_OF_RANGE, "the printer's densities are "
                    + printer.minDensity() + " to " + printer.maxDensity());
            min = Math.max(min, printer.minDensity());
            max = Math.min(max, printer.maxDensity());
        }
        if (min >= max) {
            throw invalid(Tag.MinDensity, "Min Density " + min + " is not below Max Density " + max);
        }
        current.setInt(Tag.MinDensity, VR.US, min);
        current.setInt(Tag.MaxDensity, VR.US, max);
        defaults(current, Tag.MagnificationType, printer.magnificationTypeList().get(0));
        if (!printer.smoothingTypeList().isEmpty()) {
            defaults(current, Tag.SmoothingType, printer.smoothingTypeList().get(0));
        }
        defaults(current, Tag.Trim, "NO");
        defaults(current, Tag.BorderDensity, printer.borderDensity());
        defaults(current, Tag.EmptyImageDensity, printer.emptyImageDensity());
        if (!current.containsValue(Tag.Illumination)) {
            current.setInt(Tag.Illumination, VR.US, printer.illumination());
        }
        if (!current.containsValue(Tag.ReflectedAmbientLight)) {
            current.setInt(Tag.ReflectedAmbientLight, VR.US, printer.reflectedAmbientLight());
        }
        return outcome;
    }

    /** An enumerated value from {@code allowed}, or 0x0106 naming the attribute and what is allowed. */
    static void take(Attributes current, Attributes given, int tag, List<String> allowed) throws PrintRefused {
        if (!given.containsValue(tag)) {
            return;
        }
        String v = given.getString(tag).strip();
        if (!allowed.contains(v)) {
            throw invalid(tag, v + " is not one of " + String.join(", ", allowed));
        }
        current.setString(tag, VR.CS, v);
    }

    static void defaults(Attributes current, int tag, String value) {
        if (!current.containsValue(tag)) {
            current.setString(tag, VR.CS, value);
        }
    }

    private static void copy(Attributes current, Attributes given, int tag, VR vr) {
        if (given.contains(tag)) {
            current.setString(tag, vr, given.getString(tag, ""));
        }
    }

    static int integer(Attributes given, int tag) throws PrintRefused {
        try {
            int[] v = given.getInts(tag);
            if (v == null || v.length != 1) {
                throw invalid(tag, "one value expected");
            }
            return v[0];
        } catch (NumberFormatException e) {
            throw invalid(tag, "not a number: " + given.getString(tag));
        }
    }

    static PrintRefused invalid(int tag, String why) {
        return new PrintRefused(Status.INVALID_ATTRIBUTE_VALUE, why, tag);
    }

    static PrintRefused missing(int tag, String why) {
        return new PrintRefused(Status.MISSING_ATTRIBUTE, why, tag);
    }
}
