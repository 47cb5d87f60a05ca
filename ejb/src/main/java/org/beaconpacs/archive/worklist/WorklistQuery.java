package org.beaconpacs.archive.worklist;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.query.AttributeMatching;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.dict.Tag;

/**
 * A Modality Worklist query (PS3.4 K.6.1.2): the identifier's keys, those of its Scheduled Procedure Step
 * Sequence item, and the statuses it asks for: the ones its Scheduled Procedure Step Status key names,
 * else every status but COMPLETED and DISCONTINUED (a modality's list is of work still to do).
 *
 * @param unsupportedKeys the identifier asks about attributes outside the model (answered 0xFF01)
 */
public record WorklistQuery(Attributes keys, Attributes stepKeys, Set<ScheduledStep.Status> statuses,
                            boolean unsupportedKeys, AttributeMatching.Options matching) {

    /** Steps a modality has nothing more to do with. */
    private static final Set<ScheduledStep.Status> OPEN = EnumSet.complementOf(EnumSet.of(
            ScheduledStep.Status.COMPLETED, ScheduledStep.Status.DISCONTINUED));

    /**
     * The query of {@code identifier}; names match as {@code fuzzyPersonNames} says; a date and a time of
     * the step both given are one date-time range (PS3.4 K.6.1.2.2, C.2.2.2.5).
     */
    public static WorklistQuery of(Attributes identifier, boolean fuzzyPersonNames) {
        Sequence sps = identifier.getSequence(Tag.ScheduledProcedureStepSequence);
        Attributes step = sps == null || sps.isEmpty() ? new Attributes() : sps.get(0);
        return new WorklistQuery(identifier, step, statuses(step.getStrings(Tag.ScheduledProcedureStepStatus)),
                WorklistKeys.unsupported(identifier), new AttributeMatching.Options(fuzzyPersonNames, true));
    }

    private static Set<ScheduledStep.Status> statuses(String[] asked) {
        if (asked == null || asked.length == 0) {
            return OPEN;
        }
        Set<ScheduledStep.Status> s = EnumSet.noneOf(ScheduledStep.Status.class);
        for (String a : asked) {
            try {
                s.add(ScheduledStep.Status.valueOf(a.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // a status that does not exist matches no step; wildcards are left to the matching
                if (AttributeMatching.hasWildcard(a)) {
                    return EnumSet.allOf(ScheduledStep.Status.class);
                }
            }
        }
        return s;
    }
}
