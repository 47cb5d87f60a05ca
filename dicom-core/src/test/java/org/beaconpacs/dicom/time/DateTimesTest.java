package org.beaconpacs.dicom.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.beaconpacs.dicom.data.VR;
import org.junit.jupiter.api.Test;

class DateTimesTest {

    @Test
    void parsesDateAndTheAcrNemaForm() {
        assertEquals(LocalDate.of(2004, 2, 29), DateTimes.parseDA("20040229"));
        assertEquals(LocalDate.of(1993, 8, 22), DateTimes.parseDA("1993.08.22"));
        assertThrows(DateTimeParseException.class, () -> DateTimes.parseDA("2004022"));
        assertThrows(DateTimeParseException.class, () -> DateTimes.parseDA("2004O229"));
    }

    @Test
    void parsesPartialTimesAsTheirLowerOrUpperEnd() {
        assertEquals(LocalTime.of(7, 0), DateTimes.parseTM("07"));
        assertEquals(LocalTime.of(7, 59, 59, 999_999_000), DateTimes.parseTM("07", true));
        assertEquals(LocalTime.of(10, 12), DateTimes.parseTM("1012"));
        assertEquals(LocalTime.of(10, 12, 59, 999_999_000), DateTimes.parseTM("1012", true));
        assertEquals(LocalTime.of(10, 12, 30, 100_000_000), DateTimes.parseTM("101230.1"));
        assertEquals(LocalTime.of(10, 12, 30, 199_999_000), DateTimes.parseTM("101230.1", true));
        assertEquals(LocalTime.of(10, 12, 30, 123_456_000), DateTimes.parseTM("101230.123456 "));
        assertEquals(LocalTime.of(10, 12, 30), DateTimes.parseTM("10:12:30"));
    }

    @Test
    void parsesDateTimesWithFractionsAndOffsets() {
        assertEquals(LocalDateTime.of(2004, 1, 1, 0, 0), DateTimes.parseDT("2004"));
        assertEquals(LocalDateTime.of(2004, 12, 31, 23, 59, 59, 999_999_000), DateTimes.parseDT("2004", true));
        assertEquals(LocalDateTime.of(2004, 2, 29, 23, 59, 59, 999_999_000), DateTimes.parseDT("200402", true));
        assertEquals(OffsetDateTime.of(2007, 5, 1, 14, 30, 5, 500_000_000, ZoneOffset.ofHours(8)),
                DateTimes.parseDT("20070501143005.5+0800"));
        assertEquals(OffsetDateTime.of(2007, 5, 1, 14, 0, 0, 0, ZoneOffset.ofHoursMinutes(-3, -30)),
                DateTimes.parseDT("2007050114-0330"));
    }

    @Test
    void formatsWithFractionOnlyWhenPresent() {
        assertEquals("20040229", DateTimes.formatDA(LocalDate.of(2004, 2, 29)));
        assertEquals("071500", DateTimes.formatTM(LocalTime.of(7, 15)));
        assertEquals("071500.000250", DateTimes.formatTM(LocalTime.of(7, 15, 0, 250_000)));
        assertEquals("20070501143005+0800",
                DateTimes.formatDT(OffsetDateTime.of(2007, 5, 1, 14, 30, 5, 0, ZoneOffset.ofHours(8))));
        assertEquals("20070501143005", DateTimes.formatDT(LocalDateTime.of(2007, 5, 1, 14, 30, 5)));
    }

    @Test
    void parsesQueryRanges() {
        DateRange openEnd = DateRange.parse("20000201-", VR.DA);
        assertEquals(LocalDate.of(2000, 2, 1), openEnd.lower());
        assertNull(openEnd.upper());
        assertTrue(openEnd.contains(LocalDate.of(2020, 1, 1)));
        assertFalse(openEnd.contains(LocalDate.of(2000, 1, 31)));

        DateRange openStart = DateRange.parse("-19801231", VR.DA);
        assertNull(openStart.lower());
        assertTrue(openStart.contains(LocalDate.of(1980, 12, 31)));

        DateRange morning = DateRange.parse("0800-1200", VR.TM);
        assertTrue(morning.contains(LocalTime.of(12, 0, 59)));
        assertFalse(morning.contains(LocalTime.of(12, 1)));
        assertTrue(morning.contains(LocalTime.of(8, 0)));

        DateRange year = DateRange.parse("1980", VR.DT);
        assertTrue(year.contains(LocalDateTime.of(1980, 12, 31, 23, 59)));
        assertFalse(year.contains(LocalDateTime.of(1981, 1, 1, 0, 0)));

        DateRange dtOpenStart = DateRange.parse("-1980", VR.DT);
        assertNull(dtOpenStart.lower());
        assertEquals(LocalDateTime.of(1980, 12, 31, 23, 59, 59, 999_999_000), dtOpenStart.upper());

        DateRange withOffsets = DateRange.parse("20070501140000+0800-20070501150000+0800", VR.DT);
        assertEquals(OffsetDateTime.of(2007, 5, 1, 14, 0, 0, 0, ZoneOffset.ofHours(8)), withOffsets.lower());
    }
}
