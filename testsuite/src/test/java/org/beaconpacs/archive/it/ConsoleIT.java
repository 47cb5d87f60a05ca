package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.Orthanc;
import org.beaconpacs.archive.it.testing.Browser;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Storage;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.uid.UIDs;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The admin console in a real browser (Debian's headless Chromium): login and roles, the dashboard,
 * application entities with a real C-ECHO to DCMTK's storescp, field validation, the calling AEs seen but
 * not configured, studies stored by storescu found, drilled into and deleted, the activity record of an
 * association, and both languages. Screenshots of the main pages go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    @TempDir
    Path dir;

    private static By row(String table, String text) {
        return By.xpath("//tbody[@id='" + table + "_data']/tr[td[contains(normalize-space(.), '" + text + "')]]");
    }

    private static By inRow(String table, String text, String idSuffix) {
        return By.xpath("//tbody[@id='" + table + "_data']/tr[td[contains(normalize-space(.), '" + text + "')]]"
                + "//*[substring(@id, string-length(@id) - " + (idSuffix.length() - 1) + ") = '" + idSuffix + "']");
    }

    /**
     * Picks {@code label} in a PrimeFaces selectOneMenu the way a keyboard user does (open it, type the
     * label's first letters, Enter) and waits until its panel has closed on it. Clicking the item was flaky:
     * now and then the panel kept the click without selecting.
     */
    /** Whether the image {@code by} finds has loaded a picture (within a few seconds). */
    private static boolean loaded(Browser b, By by) throws InterruptedException {
        var image = b.visible(by);
        for (int i = 0; i < 50; i++) {
            Object width = b.driver().executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;",
                    image);
            if (width instanceof Number n && n.intValue() > 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * Chooses {@code label} in a PrimeFaces select menu the way a user does: opens its panel, clicks the item once
     * the panel stands still (a click during its opening transition lands elsewhere) and waits for it to close.
     */
    private static void select(Browser b, String menuId, String label) {
        b.click(By.id(menuId));
        By panel = By.id(menuId + "_panel");
        b.visible(panel);
        b.click(By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']"));
        b.await(By.id(menuId + "_label"), label).invisible(panel);
    }

    /** An association from DCMTK's echoscu with this calling AE title, for the activity the pages show. */
    private static void echoscu(String callingAe) throws Exception {
        Dcmtk.require("echoscu");
        assertEquals(0, Dcmtk.run("echoscu", "-aet", callingAe, "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(Beacon.dicomPort())).exitCode());
    }

    @Test
    void aWrongPasswordIsRefusedAndEveryPageNeedsALogin() throws Exception {
        try (Browser b = Browser.open("en-US")) {
            b.go("aes.xhtml");
            assertTrue(b.driver().getCurrentUrl().endsWith("/login.xhtml"), b.driver().getCurrentUrl());
            b.login("admin", "not-the-password");
            assertTrue(b.text().contains("Wrong user name or password."), b.text());
            b.screenshot("login");
            b.login("admin", Beacon.adminPassword());
            // back to the page asked for first (the login's redirect may still be under way: wait for it)
            b.awaitUrlEnding("/aes.xhtml");
            b.click(By.id("session:logout"));
            assertTrue(b.driver().getCurrentUrl().endsWith("/login.xhtml"), b.driver().getCurrentUrl());
            b.go("index.xhtml");
            assertTrue(b.driver().getCurrentUrl().endsWith("/login.xhtml"), "logged out: " + b.driver().getCurrentUrl());
        }
    }

    @Test
    void theDashboardShowsTheListenerAndTodaysTraffic() throws Exception {
        echoscu("DASHBOARD");
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword());
            assertEquals("Dashboard · Beacon PACS", b.title());
            String listeners = b.visible(By.id("dashboard:listeners")).getText();
            assertTrue(listeners.contains("BEACON") && listeners.contains(":" + Beacon.dicomPort())
                    && listeners.contains("listening"), listeners);
            assertTrue(Integer.parseInt(b.visible(By.id("dashboard:associationsToday")).getText()) >= 1);
            assertTrue(b.visible(By.id("dashboard:latest")).getText().contains("DASHBOARD"));
            b.screenshot("dashboard");
            int before = Integer.parseInt(b.visible(By.id("dashboard:associationsToday")).getText());
            echoscu("REFRESHED");
            // no reload: the page polls
            b.await(By.id("dashboard:latest"), "REFRESHED");
            assertTrue(Integer.parseInt(b.visible(By.id("dashboard:associationsToday")).getText()) > before);
        }
    }

    @Test
    void anAdministratorConfiguresAesAndEchoesThem() throws Exception {
        Dcmtk.require("storescp");
        int port = Dcmtk.freePort();
        Process storescp = Dcmtk.start("storescp", "-aet", "CONSOLESCP", String.valueOf(port));
        int closed = Dcmtk.freePort();
        try (Browser b = Browser.open("en-US")) {
            Beacon.awaitListening(port);
            b.login("admin", Beacon.adminPassword()).go("aes.xhtml");
            assertTrue(b.visible(row("aes:table", Beacon.AE_TITLE)).getText().contains("all storage classes"));

            createAe(b, "CONSOLESCP", "127.0.0.1", String.valueOf(port));
            assertTrue(b.growl().contains("Application entity \"CONSOLESCP\" saved"), b.growl());
            b.visible(row("aes:table", "CONSOLESCP"));
            b.click(inRow("aes:table", "CONSOLESCP", ":echo"));
            b.await(row("aes:table", "CONSOLESCP"), "OK");
            assertTrue(b.growl().contains("C-ECHO to CONSOLESCP (127.0.0.1:" + port + ") succeeded in"), b.growl());

            createAe(b, "NOBODYHOME", "127.0.0.1", String.valueOf(closed));
            b.click(inRow("aes:table", "NOBODYHOME", ":echo"));
            b.await(row("aes:table", "NOBODYHOME"), "Failed");
            assertTrue(b.growl().contains("C-ECHO to NOBODYHOME failed: connection refused by 127.0.0.1:" + closed),
                    b.growl());

            // a called AE title the peer does not serve (our own listener): rejected, and the reason says so
            createAe(b, "WRONGTITLE", "127.0.0.1", String.valueOf(Beacon.dicomPort()));
            b.click(inRow("aes:table", "WRONGTITLE", ":echo"));
            b.await(row("aes:table", "WRONGTITLE"), "Failed");
            assertTrue(b.growl().contains("called AE title not recognized"), b.growl());

            b.click(By.id("aes:echoAll"));
            b.await(By.id("echoAllForm:results"), "connection refused");
            assertTrue(b.visible(By.id("echoAllForm:results")).getText().contains("CONSOLESCP"));
            b.screenshot("echo-all");
            b.driver().findElement(By.cssSelector("#echoAllDialog .ui-dialog-titlebar-close")).click();
            b.screenshot("aes");

            b.click(By.id("aes:new"));
            b.type(By.id("aeForm:aeTitle"), "SEVENTEEN_CHARS_X").type(By.id("aeForm:host"), "127.0.0.1")
                    .type(By.id("aeForm:port"), "104").click(By.id("aeForm:save"));
            assertTrue(b.visible(By.cssSelector("[id='aeForm:aeTitle'] ~ .ui-message, .ui-message-error"))
                    .getText().contains("an AE title has at most 16 characters"), b.text());
            b.type(By.id("aeForm:aeTitle"), "BACK\\SLASH").type(By.id("aeForm:port"), "70000")
                    .type(By.id("aeForm:host"), "not a host!").click(By.id("aeForm:save"));
            String dialog = b.visible(By.id("aeDialog")).getText();
            assertTrue(dialog.contains("an AE title may not contain a backslash"), dialog);
            assertTrue(dialog.contains("the port must be between 1 and 65535, not 70000"), dialog);
            assertTrue(dialog.contains("\"not a host!\" is not a host name or IP address"), dialog);
            b.screenshot("ae-dialog-invalid");
            b.click(By.id("aeForm:cancel"));
            assertFalse(Beacon.api("GET", "/aes/BACK%5CSLASH", null).statusCode() == 200);

            b.click(inRow("aes:table", "NOBODYHOME", ":delete")).confirm();
            assertTrue(b.growl().contains("Application entity \"NOBODYHOME\" deleted."), b.growl());
            assertFalse(b.present(row("aes:table", "NOBODYHOME")));
            assertEquals(404, Beacon.api("GET", "/aes/NOBODYHOME", null).statusCode());
        } finally {
            storescp.destroy();
            Beacon.api("DELETE", "/aes/CONSOLESCP", null);
            Beacon.api("DELETE", "/aes/WRONGTITLE", null);
        }
    }

    private static void createAe(Browser b, String title, String host, String port) {
        b.click(By.id("aes:new"));
        b.type(By.id("aeForm:aeTitle"), title).type(By.id("aeForm:host"), host).type(By.id("aeForm:port"), port)
                .click(By.id("aeForm:save"));
        b.visible(row("aes:table", title));
    }

    @Test
    void aCallingAeSeenButNotConfiguredIsAddedWithOneClick() throws Exception {
        echoscu("NEWMODALITY");
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("aes.xhtml");
            String seen = b.visible(row("aes:seen", "NEWMODALITY")).getText();
            assertTrue(seen.contains("127.0.0.1") && seen.contains("C-ECHO-RQ 1"), seen);
            b.click(inRow("aes:seen", "NEWMODALITY", ":adopt"));
            assertEquals("NEWMODALITY", b.visible(By.id("aeForm:aeTitle")).getAttribute("value"));
            assertEquals("127.0.0.1", b.visible(By.id("aeForm:host")).getAttribute("value"));
            b.type(By.id("aeForm:port"), "4104").click(By.id("aeForm:save"));
            b.visible(row("aes:table", "NEWMODALITY"));
            assertFalse(b.present(row("aes:seen", "NEWMODALITY")), "configured now, no longer in the seen list");
            assertEquals(200, Beacon.api("GET", "/aes/NEWMODALITY", null).statusCode());
        } finally {
            Beacon.api("DELETE", "/aes/NEWMODALITY", null);
        }
    }

    @Test
    void anAdministratorAddsAViewerWhoFindsNoEditControls() throws Exception {
        try (Browser admin = Browser.open("en-US")) {
            admin.login("admin", Beacon.adminPassword()).go("users.xhtml");
            admin.click(By.id("users:new")).type(By.id("userForm:username"), "watcher")
                    .type(By.id("userForm:password"), "short").click(By.id("userForm:save"));
            admin.await(By.id("userDialog"), "the password needs at least 10 characters");
            admin.type(By.id("userForm:password"), "watcher-password").click(By.id("userForm:save"));
            admin.await(By.id("userDialog"), "the password may not contain the user name");
            admin.type(By.id("userForm:password"), "lookout-9-rivers").click(By.id("userForm:save"));
            assertTrue(admin.visible(row("users:table", "watcher")).getText().contains("viewer"));
            admin.screenshot("users");
        }
        try (Browser b = Browser.open("en-US")) {
            b.login("watcher", "lookout-9-rivers").go("aes.xhtml");
            assertTrue(b.text().contains("watcher (viewer)"), b.text());
            b.visible(row("aes:table", Beacon.AE_TITLE));
            assertFalse(b.present(By.id("aes:new")), "no New AE button");
            assertTrue(b.all(By.xpath("//*[contains(@id, ':edit') or contains(@id, ':delete') or contains(@id, ':adopt')]"))
                    .isEmpty(), "no edit, delete or add controls");
            assertTrue(b.present(By.id("aes:echoAll")), "a viewer may still check the network");
            assertFalse(b.present(By.id("nav:users")), "no Users menu");
            assertFalse(b.present(By.id("nav:audit")), "no Audit menu");
            b.go("studies.xhtml");
            assertTrue(b.all(By.xpath("//*[contains(@id, ':delete')]")).isEmpty(), "no study delete");
            b.go("users.xhtml");
            assertTrue(b.text().contains("Your role does not allow this page."), b.text());
            b.go("audit.xhtml");
            assertTrue(b.text().contains("Your role does not allow this page."), b.text());
        } finally {
            Beacon.api("DELETE", "/users/watcher", null);
        }
    }

    @Test
    void errorsShowAMessageNeverAStackTrace() throws Exception {
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("no-such-page.xhtml");
            assertTrue(b.text().contains("This page does not exist."), b.text());
            String page = b.driver().getPageSource();
            assertFalse(page.contains(".java:") || page.contains("Caused by") || page.contains("Stacktrace"), page);
        }
    }

    @Test
    void anExpiredSessionLeadsBackToTheLogin() throws Exception {
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("aes.xhtml");
            b.driver().manage().deleteCookieNamed("JSESSIONID"); // as after the session timeout
            b.driver().findElement(By.id("aes:echoAll")).click(); // an ajax request
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().endsWith("/login.xhtml"));
        }
    }

    @Test
    void theConsoleSpeaksSimplifiedChinese() throws Exception {
        echoscu("CHINESE");
        try (Browser b = Browser.open("zh-CN")) {
            b.go("login.xhtml");
            assertEquals("登录 · Beacon PACS", b.title(), "the browser's language chooses");
            b.login("admin", Beacon.adminPassword());
            assertEquals("仪表板 · Beacon PACS", b.title());
            assertTrue(b.text().contains("应用实体") && b.text().contains("DICOM 监听器"), b.text());
            // dates follow the locale: 2026年11月29日
            String latest = b.visible(By.id("dashboard:latest")).getText();
            assertTrue(latest.matches("(?s).*\\d{4}年\\d{1,2}月\\d{1,2}日.*") && latest.contains("已释放"), latest);
            b.screenshot("dashboard-zh");
            b.click(By.id("session:en"));
            b.awaitTitle("Dashboard · Beacon PACS"); // the switcher overrides the browser
            b.click(By.id("session:zh"));
            b.awaitTitle("仪表板 · Beacon PACS");
            b.go("aes.xhtml");
            assertEquals("应用实体 · Beacon PACS", b.title());
            b.click(By.id("aes:new")).type(By.id("aeForm:aeTitle"), "A\\B").type(By.id("aeForm:port"), "104")
                    .type(By.id("aeForm:host"), "127.0.0.1").click(By.id("aeForm:save"));
            b.await(By.id("aeDialog"), "AE 名称不能包含反斜杠");
        }
    }

    @Test
    void aStudyIsFoundDrilledIntoAndDeleted() throws Exception {
        Dcmtk.require("storescu");
        String patientId = "CONSOLE" + System.nanoTime() % 100000;
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            var ct = Synthetic.ct(patientId, "CONSOLE^TEST^PATIENT", study, series, i, 4096);
            ct.setInt(org.beaconpacs.dicom.dict.Tag.Rows, org.beaconpacs.dicom.data.VR.US, 32); // 64 × 32 pixels
            ct.setInt(org.beaconpacs.dicom.dict.Tag.Columns, org.beaconpacs.dicom.data.VR.US, 64);
            files.add(Synthetic.write(ct, dir.resolve("ct" + i + ".dcm")).toString());
        }
        List<String> command = Dcmtk.args("storescu", "-aet", "CONSOLETEST", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(Beacon.dicomPort()));
        command.addAll(files);
        assertEquals(0, Dcmtk.run(command.toArray(String[]::new)).exitCode());
        Path stored = Storage.root().resolve(Storage.onlyInstance(study).getString("path"));
        assertTrue(Files.exists(stored));

        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("studies.xhtml");
            b.type(By.id("search:patientName"), "console^test*").click(By.id("search:go"));
            String found = b.visible(row("results:table", patientId)).getText();
            assertTrue(found.contains("CONSOLE^TEST^PATIENT") && found.contains("1 / 3") && found.contains("CT"), found);
            b.click(inRow("results:table", patientId, ":open"));
            b.visible(row("detail:series", "CT"));
            b.click(By.xpath("//tbody[@id='detail:series_data']/tr[1]//*[contains(@id, ':openSeries')]"));
            String instances = b.visible(By.id("detail:instanceTable")).getText();
            assertTrue(instances.contains("CT Image Storage") && instances.contains("Explicit VR Little Endian")
                    && instances.contains("SHA-256"), instances);
            assertEquals(3, b.all(By.xpath("//tbody[@id='detail:instanceTable_data']/tr")).size());
            assertTrue(loaded(b, By.cssSelector("img.series-thumbnail")), "the series' thumbnail is rendered");
            assertEquals("http://viewer.test/ohif/viewer?StudyInstanceUIDs=" + study, b.visible(By.id("detail:viewer"))
                    .getAttribute("href"), "BEACON_VIEWER_URL of the test server, filled in");
            b.click(By.xpath("//tbody[@id='detail:instanceTable_data']/tr[1]//*[contains(@id, ':viewFrames')]"));
            b.await(By.id("frameForm"), "Frame 1 of 1");
            assertTrue(loaded(b, By.cssSelector("img.rendered-frame")), "the instance's frame is rendered");
            b.screenshot("studies");
            b.driver().executeScript("PF('frameDialog').hide();");
            b.invisible(By.id("frameDialog"));

            b.click(inRow("results:table", patientId, ":delete")).confirm();
            assertTrue(b.growl().contains("Study of CONSOLE^TEST^PATIENT deleted"), b.growl());
            assertFalse(b.present(row("results:table", patientId)));
        }
        assertEquals(404, Beacon.api("GET", "/studies/" + study, null).statusCode(), "gone from the index");
        assertFalse(Files.exists(stored), "gone from the disk");
    }

    @Test
    void theStorageCommitmentPageShowsATransactionWithEachInstanceAndSendsItsReportAgain() throws Exception {
        org.beaconpacs.archive.it.testing.Dcmjs.require();
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        try (var c = CtStore.client("CONSOLESC")) {
            CtStore.storeSeries(c, "SC" + System.nanoTime() % 100000, "Commit^Console", study, series, 1, 2);
            c.release();
        }
        List<String> refs = new ArrayList<>();
        for (var v : Beacon.array(Beacon.api("GET", "/series/" + series + "/instances", null))) {
            refs.add(org.beaconpacs.dicom.dict.UID.CTImageStorage + "/" + v.asJsonObject().getString("sopInstanceUid"));
        }
        refs.add(org.beaconpacs.dicom.dict.UID.CTImageStorage + "/" + UIDs.createUID()); // never stored
        String tx = UIDs.createUID();
        assertEquals(201, Beacon.createRemoteAe("CONSOLESC", "127.0.0.1", Dcmtk.freePort()).statusCode());
        try (Browser b = Browser.open("en-US");
             org.beaconpacs.archive.it.testing.Management m = new org.beaconpacs.archive.it.testing.Management()) {
            m.systemProperty("beacon.commitment.wait-seconds", "2"); // the unknown instance fails after 2 s
            var committed = org.beaconpacs.archive.it.testing.Dcmjs.commit("CONSOLESC", Beacon.dicomPort(), 0,
                    30_000, 40_000, tx, refs);
            m.systemProperty("beacon.commitment.wait-seconds", "600");
            assertEquals(0, committed.actionStatus(), committed.output());
            assertEquals(2, committed.report().getInt("eventTypeId"), committed.output());
            b.login("admin", Beacon.adminPassword()).go("commitments.xhtml");
            assertTrue(b.visible(row("list:table", "CONSOLESC")).getText().contains(tx), b.text());
            b.click(inRow("list:table", tx, ":open"));
            b.await(By.id("detailForm"), "No such object instance");
            b.screenshot("commitments");
            b.driver().executeScript("PF('detail').hide()");
            b.click(inRow("list:table", tx, ":again"));
            assertTrue(b.growl().contains("The report to CONSOLESC is sent again."), b.growl());
        } finally {
            Beacon.api("DELETE", "/aes/CONSOLESC", null);
        }
    }

    @Test
    void theWorklistPageSchedulesAStepSaysWhatIsWrongAndDiscontinuesIt() throws Exception {
        Dcmtk.require("findscu");
        String patientId = "WLUI" + System.nanoTime() % 100000;
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("worklist.xhtml");
            b.click(By.id("list:new"));
            b.visible(By.id("itemForm:patientId"));
            b.type(By.id("itemForm:patientName"), "Console^Wendy").type(By.id("itemForm:stations"), "WLUICT1 WLUICT2")
                    .click(By.id("itemForm:save"));
            String dialog = b.visible(By.id("itemDialog")).getText();
            assertTrue(dialog.contains("a worklist item needs a Patient ID"), dialog);
            assertTrue(dialog.contains("the Modality (0008,0060) is required"), dialog);
            b.screenshot("worklist-dialog-invalid");
            b.type(By.id("itemForm:patientId"), patientId).type(By.id("itemForm:modality"), "CT")
                    .type(By.id("itemForm:description"), "CT head").click(By.id("itemForm:save"));
            b.await(By.cssSelector(".ui-growl"), "Worklist item of Console^Wendy saved.");
            String listed = b.visible(row("list:table", patientId)).getText();
            assertTrue(listed.contains("Scheduled") && listed.contains("WLUICT1 WLUICT2"), listed);
            b.screenshot("worklist");
            // the modality's worklist query finds it by its station AE title
            Dcmtk.Result wl = Dcmtk.run("findscu", "-W", "-aet", "WLUICT2", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), "-k", "PatientID", "-k",
                    "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=WLUICT2");
            assertTrue(wl.output().contains(patientId), wl.output());
            b.click(inRow("list:table", patientId, ":discontinue"));
            b.await(By.cssSelector(".ui-growl"), "1 scheduled step discontinued.");
            b.await(row("list:table", patientId), "Discontinued");
            // a site leaving a file-based worklist uploads its files
            Dcmtk.require("dump2dcm");
            Path file = dir.resolve("wklist1.wl");
            assertEquals(0, Dcmtk.run("dump2dcm", "-g", "/usr/share/doc/dcmtk/examples/wlistdb/OFFIS/wklist1.dump",
                    file.toString()).exitCode());
            b.driver().findElement(By.cssSelector("[id='upload:files'] input[type=file]")).sendKeys(file.toString());
            b.await(By.cssSelector(".ui-growl"), "wklist1.wl imported.");
        } finally {
            for (String station : new String[] {"WLUICT1", "AA32"}) { // AA32: the uploaded file's station
                for (var v : Beacon.array(Beacon.api("GET", "/worklist?from=19000101&station=" + station, null))) {
                    Beacon.api("DELETE", "/worklist/" + v.asJsonObject().getJsonNumber("itemId").longValue(), null);
                }
            }
        }
    }

    @Test
    void aStudyShowsTheStepsItsModalityPerformedAndWhetherTheirSeriesArrived() throws Exception {
        String patientId = "MPPSUI" + System.nanoTime() % 100000;
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        try (var c = CtStore.client("CONSOLEMPPS")) {
            CtStore.storeSeries(c, patientId, "CONSOLE^MPPS", study, series, 1, 1);
            c.release();
        }
        Path create = Files.writeString(dir.resolve("create.json"), "{\"ScheduledStepAttributesSequence\":[{"
                + "\"StudyInstanceUID\":\"" + study + "\"}],\"PatientID\":\"" + patientId + "\","
                + "\"PerformedProcedureStepID\":\"PPS1\",\"PerformedStationAETitle\":\"CONSOLEMPPS\","
                + "\"PerformedProcedureStepStartDate\":\"20261202\",\"PerformedProcedureStepStartTime\":\"1000\","
                + "\"PerformedProcedureStepStatus\":\"IN PROGRESS\",\"Modality\":\"CT\","
                + "\"PerformedProcedureStepDescription\":\"CT console\"}");
        Path done = Files.writeString(dir.resolve("done.json"), "{\"PerformedProcedureStepStatus\":\"COMPLETED\","
                + "\"PerformedProcedureStepEndDate\":\"20261202\",\"PerformedProcedureStepEndTime\":\"1010\","
                + "\"PerformedSeriesSequence\":[{\"SeriesInstanceUID\":\"" + series + "\"},"
                + "{\"SeriesInstanceUID\":\"" + UIDs.createUID() + "\"}]}");
        List<String> r = org.beaconpacs.archive.it.testing.Dcmjs.mpps("CONSOLEMPPS", UIDs.createUID(),
                "create:" + create, "set:" + done);
        assertTrue(r.size() == 2 && r.get(1).startsWith("NSET 0x0000"), r.toString());
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("studies.xhtml");
            b.type(By.id("search:patientId"), patientId).click(By.id("search:go"));
            b.click(inRow("results:table", patientId, ":open"));
            b.await(By.id("detail"), "Performed procedure steps (MPPS)");
            String performed = b.visible(By.id("detail:mpps")).getText();
            assertTrue(performed.contains("COMPLETED") && performed.contains("CT console")
                    && performed.contains("1 / 2"), "one of the two series performed has arrived: " + performed);
        } finally {
            Beacon.api("DELETE", "/studies/" + study, null);
        }
    }

    @Test
    void theHl7LogShowsEachMessageItsAcknowledgementAndTheMessageItself() throws Exception {
        org.beaconpacs.archive.it.testing.Mllp.require();
        String id = String.valueOf(System.nanoTime() % 1_000_000);
        String control = "A" + id;
        String ack = org.beaconpacs.archive.it.testing.Mllp.send(dir.resolve("adt.hl7"),
                org.beaconpacs.archive.it.testing.Mllp.msh("ADT^A04", "2.3.1", control), "EVN|A04|20261202",
                "PID|||P" + control + "^^^HOSP||Log^Lorna||19900909|F");
        assertTrue(ack.startsWith("AA"), ack);
        String refused = org.beaconpacs.archive.it.testing.Mllp.send(dir.resolve("qry.hl7"),
                org.beaconpacs.archive.it.testing.Mllp.msh("QRY^A19", "2.3.1", "Q" + id), "QRD|20261202|R|I|Q1");
        assertTrue(refused.startsWith("AR"), refused);
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("hl7.xhtml");
            String row = b.visible(row("list:table", control)).getText();
            assertTrue(row.contains("ADT^A04") && row.contains("AA") && row.contains("registered"), row);
            assertTrue(b.visible(row("list:table", "Q" + id)).getText().contains("not handled"));
            b.click(inRow("list:table", control, ":open"));
            b.await(By.id("messageForm"), "PID|||P" + control);
            b.screenshot("hl7");
        }
    }

    @Test
    void theAuditPageFindsAFailedLoginByItsUserAndShowsTheMessage() throws Exception {
        String guesser = "guess" + System.nanoTime() % 1_000_000;
        assertEquals(401, Beacon.call("GET", "/studies", null, guesser, "wrong").statusCode());
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("audit.xhtml");
            b.type(By.id("filter:user"), guesser).click(By.id("filter:go"));
            String row = b.visible(row("entries:table", guesser)).getText();
            assertTrue(row.contains("User authentication") && row.contains("minor failure"), row);
            b.click(inRow("entries:table", guesser, ":open"));
            b.await(By.id("messageForm"), "UserID=\"" + guesser + "\"");
            b.screenshot("audit");
        }
    }

    @Test
    void thePrintQueueShowsFilmPreviewsAndThePrintersPageSetsAStatus() throws Exception {
        String ae = "CONSOLEPRT" + System.nanoTime() % 1000;
        Path plan = dir.resolve("print.json");
        Files.writeString(plan, """
                { "session": {"FilmSessionLabel": "Chest PA"},
                  "films": [ {"attrs": {"ImageDisplayFormat": "STANDARD\\\\2,1", "FilmSizeID": "14INX17IN",
                               "FilmOrientation": "LANDSCAPE", "BorderDensity": "WHITE"},
                    "images": [ {"position": 1, "image": {"rows": 256, "columns": 256, "bits": 12, "pattern": "hramp"}},
                                {"position": 2, "image": {"rows": 64, "columns": 64, "bits": 8, "pattern": "checker:8"}} ],
                    "print": true } ] }
                """);
        List<String> out = org.beaconpacs.archive.it.testing.Dcmjs.print(ae, plan);
        assertTrue(out.contains("NACTION FILMBOX 0x0000"), out.toString());
        String jobUid = PrintIT.job(out);
        PrintIT.done(jobUid);
        JsonObject printer = Beacon.object(Beacon.api("GET", "/print/printers/" + Beacon.AE_TITLE, null));
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("printqueue.xhtml");
            String row = b.visible(row("queue:table", ae)).getText();
            assertTrue(row.contains("Chest PA") && row.contains("done"), row);
            Object width = b.driver().executeScript("var i = document.querySelector('img.film-preview');"
                    + " return i && i.complete ? i.naturalWidth : -1;");
            assertEquals(240L, ((Number) width).longValue(), "the film's preview loaded");
            b.screenshot("print-queue");
            b.click(inRow("queue:table", ae, ":reprint"));
            b.await(By.cssSelector(".ui-growl"), "queued again");

            b.go("printers.xhtml");
            b.click(inRow("printers:table", "Film files", ":edit"));
            b.visible(By.id("printerForm:filmSizes")).clear();
            b.type(By.id("printerForm:filmSizes"), "14INX17IN\\99INX99IN");
            b.click(By.id("printerForm:save"));
            b.await(By.id("printerForm"), "is not a Film Size ID");
            b.screenshot("printer-dialog-invalid");
            b.click(By.id("printerForm:cancel"));
            b.click(inRow("printers:table", "Film files", ":setStatus"));
            b.click(By.xpath("//div[@id='statusForm:newStatus']//div[contains(., 'WARNING')]"));
            b.idle();
            b.click(By.id("statusForm:apply"));
            b.await(By.cssSelector(".ui-growl"), "WARNING");
            String printerRow = b.visible(row("printers:table", "Film files")).getText();
            assertTrue(printerRow.contains("WARNING") && printerRow.contains("FILM LOW"), printerRow);
            assertEquals("WARNING", Beacon.object(Beacon.api("GET", "/print/printers/" + Beacon.AE_TITLE, null))
                    .getString("status"));
            b.screenshot("printers");
        } finally {
            Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE, printer.toString());
        }
    }

    @Test
    void aStudyIsSentToAnotherArchiveAndRetrievedFromItAgain() throws Exception {
        Dcmtk.require("storescu");
        String patientId = "REMOTE" + System.nanoTime() % 100000;
        String study = UIDs.createUID();
        String series = UIDs.createUID();
        List<String> command = Dcmtk.args("storescu", "-aet", "CONSOLETEST", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                String.valueOf(Beacon.dicomPort()));
        for (int i = 1; i <= 3; i++) {
            command.add(Synthetic.write(Synthetic.ct(patientId, "REMOTE^CONSOLE", study, series, i, 4096),
                    dir.resolve("r" + i + ".dcm")).toString());
        }
        assertEquals(0, Dcmtk.run(command.toArray(String[]::new)).exitCode());
        try (Orthanc orthanc = new Orthanc(dir.resolve("orthanc"), "ORTHANCUI"); Browser b = Browser.open("en-US")) {
            assertEquals(201, Beacon.api("POST", "/aes", jakarta.json.Json.createObjectBuilder()
                    .add("aeTitle", orthanc.aeTitle).add("host", "127.0.0.1").add("port", orthanc.dicomPort)
                    .build().toString()).statusCode());
            try {
                b.login("admin", Beacon.adminPassword()).go("studies.xhtml");
                b.type(By.id("search:patientId"), patientId).click(By.id("search:go"));
                b.click(inRow("results:table", patientId, ":send"));
                b.visible(By.id("sendForm:to"));
                select(b, "sendForm:to", orthanc.aeTitle);
                b.screenshot("send-to");
                b.click(By.id("sendForm:sendNow"));
                assertTrue(b.growl().contains("Study of REMOTE^CONSOLE sent to ORTHANCUI: 3 instances"), b.growl());
                // the archive asks Orthanc to commit to what it sent; the Storage commitment page lists it
                b.click(inRow("results:table", patientId, ":send"));
                b.visible(By.id("sendForm:to"));
                select(b, "sendForm:to", orthanc.aeTitle);
                b.click(By.id("sendForm:askCommitment"));
                assertTrue(b.growl().contains("ORTHANCUI committed to keeping 3 of 3 instances"), b.growl());
                b.go("commitments.xhtml");
                assertTrue(b.visible(row("list:table", "ORTHANCUI")).getText().contains("asked by this archive"));
                b.screenshot("commitments-list");
                assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());

                b.go("remote.xhtml");
                select(b, "search:ae", orthanc.aeTitle);
                b.type(By.id("search:patientId"), patientId).click(By.id("search:go"));
                assertTrue(b.visible(row("results:table", patientId)).getText().contains("REMOTE^CONSOLE"));
                b.click(inRow("results:table", patientId, ":retrieve"));
                b.await(row("results:table", patientId), "3 instances retrieved");
                b.screenshot("remote");
                assertEquals(3, Beacon.object(Beacon.api("GET", "/studies/" + study, null)).getInt("numberOfInstances"));
            } finally {
                Beacon.api("DELETE", "/aes/" + orthanc.aeTitle, null);
                Beacon.api("DELETE", "/studies/" + study, null);
            }
        }
    }

    @Test
    void aStudyDeleteStoppedByAFileItCannotRemoveIsToldAndLeavesTheStudyHidden() throws Exception {
        String patientId = "STOPPED" + System.nanoTime() % 100000;
        String study = UIDs.createUID();
        try (var c = CtStore.client("CONSOLESTOP")) {
            CtStore.storeSeries(c, patientId, "CONSOLE^STOPPED^DELETE", study, UIDs.createUID(), 1, 1);
            c.release();
        }
        // a directory with content where the stored file was: the delete cannot remove it
        Path stored = Storage.root().resolve(Storage.onlyInstance(study).getString("path"));
        Storage.makeUndeletable(stored);
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("studies.xhtml");
            b.type(By.id("search:patientName"), "console^stopped*").click(By.id("search:go"));
            b.visible(row("results:table", patientId));
            b.click(inRow("results:table", patientId, ":delete")).confirm();
            assertTrue(b.growl().contains("The delete of study " + study + " stopped"), b.growl());
        } finally {
            Storage.clearObstacle(stored);
        }
        assertEquals(404, Beacon.api("GET", "/studies/" + study, null).statusCode(), "hidden meanwhile");
        assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode(), "finished when asked again");
    }

    @Test
    void anAssociationRecordShowsItsNegotiationAndTrace() throws Exception {
        echoscu("TRACEDSCU");
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("activity.xhtml");
            b.type(By.id("filter:ae"), "TRACEDSCU").click(By.id("filter:go"));
            assertEquals(1, b.all(By.xpath("//tbody[@id='records:table_data']/tr")).size());
            b.click(inRow("records:table", "TRACEDSCU", ":open"));
            String contexts = b.visible(By.id("detailForm:contexts")).getText();
            assertTrue(contexts.contains("Verification SOP Class") && contexts.contains("acceptance")
                    && contexts.contains("Implicit VR Little Endian"), contexts);
            String trace = b.visible(By.id("detailForm:messages")).getText();
            assertTrue(trace.contains("C-ECHO-RQ") && trace.contains("0x0000"), trace);
            assertTrue(b.visible(By.id("detail")).getText().contains("TRACEDSCU → BEACON"));
            b.screenshot("activity");
        }
    }
}
