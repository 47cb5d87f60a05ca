package org.beaconpacs.dicom.uid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class UIDsTest {

    @Test
    void validatesLengthComponentsAndLeadingZeros() {
        assertTrue(UIDs.isValid("1.2.840.10008.1.2.1"));
        assertTrue(UIDs.isValid("2.25.0"));
        assertFalse(UIDs.isValid("1.2.840.010008"));
        assertFalse(UIDs.isValid("1..2"));
        assertFalse(UIDs.isValid("1.2."));
        assertFalse(UIDs.isValid(".1.2"));
        assertFalse(UIDs.isValid("1.2.a"));
        assertFalse(UIDs.isValid(""));
        assertFalse(UIDs.isValid("1." + "2".repeat(63)));
        assertTrue(UIDs.isValid("1." + "2".repeat(62)));
    }

    @RepeatedTest(200)
    void generatedUidsAreValidAndUnique() {
        String a = UIDs.createUID();
        assertTrue(a.startsWith("2.25.") && UIDs.isValid(a), a);
        String b = UIDs.createUID("1.2.826.0.1.3680043.10.999.4242");
        assertTrue(b.startsWith("1.2.826.0.1.3680043.10.999.4242.") && UIDs.isValid(b), b);
        assertNotEquals(a, UIDs.createUID());
    }

    @Test
    void refusesARootThatLeavesNoRoom() {
        assertThrows(IllegalArgumentException.class, () -> UIDs.createUID("1." + "2".repeat(50)));
        assertThrows(IllegalArgumentException.class, () -> UIDs.createUID("1.02"));
    }
}
