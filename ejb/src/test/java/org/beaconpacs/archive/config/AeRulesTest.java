package org.beaconpacs.archive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.beaconpacs.archive.input.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AeRulesTest {

    private static AeDto remote(String aeTitle, String host, Integer port) {
        return new AeDto(null, aeTitle, host, port, false, null, false, null, null, null, null, null, null, null,
                null).normalized();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "BEACON", "CT_SCANNER-01", "SIXTEEN_CHARS_AE", "MR 3T", "  PADDED  ", "a+b=c@d"})
    void validAeTitles(String aeTitle) {
        assertNull(AeRules.aeTitleProblem(aeTitle));
    }

    @Test
    void invalidAeTitlesSayWhy() {
        assertTrue(AeRules.aeTitleProblem(null).contains("required"));
        assertTrue(AeRules.aeTitleProblem("   ").contains("required"));
        assertTrue(AeRules.aeTitleProblem("SEVENTEEN_CHARS_A").contains("at most 16"));
        assertTrue(AeRules.aeTitleProblem("BACK\\SLASH").contains("backslash"));
        assertTrue(AeRules.aeTitleProblem("TAB\tAE").contains("control"));
        assertTrue(AeRules.aeTitleProblem("ESC\u001bAE").contains("control"));
        assertTrue(AeRules.aeTitleProblem("DEL\u007fAE").contains("control"));
        assertTrue(AeRules.aeTitleProblem("CAFÉ").contains("default repertoire"));
    }

    @Test
    void leadingAndTrailingSpacesAreNotSignificantButCount() {
        assertNull(AeRules.aeTitleProblem("  SIXTEEN_CHARS_AE  "), "16 characters once stripped");
        assertEquals("PADDED", remote("  PADDED ", "pacs", 104).aeTitle());
    }

    @Test
    void portsAndHosts() {
        assertTrue(AeRules.check(remote("AE", "pacs.example.org", 104)).isEmpty());
        assertTrue(AeRules.check(remote("AE", "10.1.2.3", 11112)).isEmpty());
        assertTrue(AeRules.check(remote("AE", "fe80::1", 104)).isEmpty());
        assertTrue(AeRules.check(remote("AE", "ct-01", 65535)).isEmpty());
        Map<String, String> p = AeRules.check(remote("AE", "bad host!", 0));
        assertTrue(p.get("port").contains("between 1 and 65535"), p.toString());
        assertTrue(p.get("host").contains("not a host name"), p.toString());
        assertTrue(AeRules.check(remote("AE", null, 104)).get("host").contains("needs a host"));
        assertTrue(AeRules.check(remote("AE", "pacs", null)).get("port").contains("required"));
    }

    @Test
    void aLocalAeNeedsNoHost() {
        AeDto local = new AeDto(null, "LOCAL", null, 11112, false, null, true, null, null, null, null, null, null,
                null, null).normalized();
        assertTrue(AeRules.check(local).isEmpty());
    }

    @Test
    void permissionsLeftOpenGetTheDefaultsOfANewPeer() {
        AeDto ae = remote("CT", "ct", 104);
        assertTrue(ae.mayStore() && ae.mayQuery() && ae.mayRetrieve() && ae.mayCommit());
        assertTrue(!ae.moveDestination() && !ae.mayPrint());
    }

    @Test
    void problemsAreWordedInEnglishAndSimplifiedChinese() {
        Problem p = AeRules.aeTitle("SEVENTEEN_CHARS_A");
        assertEquals("an AE title has at most 16 characters; \"SEVENTEEN_CHARS_A\" has 17",
                p.text(java.util.Locale.ENGLISH));
        assertEquals("AE 名称最多 16 个字符；“SEVENTEEN_CHARS_A”有 17 个", p.text(java.util.Locale.SIMPLIFIED_CHINESE));
        assertEquals("AE 名称不能包含反斜杠", AeRules.aeTitle("A\\B").text(java.util.Locale.CHINA));
        assertEquals("a port is required", new Problem("port.required").text(java.util.Locale.GERMAN),
                "English where there is no translation");
    }

    @Test
    void aLocalAeStoresOnlyKnownStorageClassesGivenByUidOrKeyword() {
        AeDto ae = new AeDto(null, "CTONLY", null, 11112, false, null, true, null, null, null, null, null, null, null,
                java.util.List.of("CTImageStorage", " 1.2.840.10008.5.1.4.1.1.4 ", "")).normalized();
        assertEquals(java.util.List.of("1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4"), ae.storageSopClasses());
        assertTrue(AeRules.check(ae).isEmpty(), AeRules.check(ae).toString());
        AeDto wrong = new AeDto(null, "CTONLY", null, 11112, false, null, true, null, null, null, null, null, null, null,
                java.util.List.of("CTImageStorage", "1.2.840.10008.1.1")).normalized();
        assertEquals("\"1.2.840.10008.1.1\" is not a storage SOP class (give UIDs or keywords such as CTImageStorage)",
                AeRules.check(wrong).get("storageSopClasses"));
    }
}
