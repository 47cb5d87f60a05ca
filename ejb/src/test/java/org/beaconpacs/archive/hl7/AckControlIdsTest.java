package org.beaconpacs.archive.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AckControlIdsTest {

    @Test
    void idsAscendAcrossRestartsAndFitAnSt() {
        AckControlIds before = new AckControlIds(1_800_000_000_000L);
        String first = before.getID();
        String second = before.getID();
        String afterRestart = new AckControlIds(1_800_000_000_001L).getID();
        assertTrue(Long.parseLong(second) > Long.parseLong(first));
        assertTrue(Long.parseLong(afterRestart) > Long.parseLong(second));
        assertTrue(first.length() <= 20, first);
    }

    @Test
    void anAcknowledgementTakesItsIdWithoutAFile() throws Exception {
        Path hapiFile = Path.of("id_file");
        Files.deleteIfExists(hapiFile);
        try (HapiContext c = new DefaultHapiContext()) {
            c.setValidationContext(ValidationContextFactory.noValidation());
            c.getParserConfiguration().setIdGenerator(new AckControlIds(1_800_000_000_000L));
            Message order = c.getPipeParser().parse(
                    "MSH|^~\\&|RIS|HOSP|BEACON|HOSP|20261202093000||ORM^O01|MSG0001|P|2.3.1\r");
            Message ack = order.generateACK();
            assertEquals("1800000000000001", new Terser(ack).get("/MSH-10"));
        }
        assertFalse(Files.exists(hapiFile), "HAPI's counter file");
    }
}
