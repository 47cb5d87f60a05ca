package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.Browser;
import org.beaconpacs.archive.it.testing.Management;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Accounts as a security officer tests them: a password guesser slowed down, then locked out for a while
 * (even with the right password) and audited; the password policy; a console session that ends when its
 * user's password or role changes; a cross-site POST refused; the console's security headers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(String method, String path, String body, String user, String password,
                                             String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Beacon.API + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void createUser(String name, String password, String role) throws Exception {
        assertEquals(200, Beacon.api("PUT", "/users/" + name, "{\"password\":\"" + password + "\",\"role\":\""
                + role + "\"}").statusCode());
    }

    @Test
    void aPasswordGuesserIsSlowedThenLockedOutEvenWithTheRightPasswordAndAudited() throws Exception {
        String user = "brute" + System.nanoTime() % 1_000_000;
        createUser(user, "lookout-9-rivers", "viewer");
        try (Management m = new Management()) {
            m.systemProperty("beacon.login.slow-after", "2");
            m.systemProperty("beacon.login.max-failures", "4");
            m.systemProperty("beacon.login.lock-seconds", "6");
            try {
                assertEquals(401, send("GET", "/aes", null, user, "guess-1").statusCode());
                assertEquals(401, send("GET", "/aes", null, user, "guess-2").statusCode());
                HttpResponse<String> slowed = send("GET", "/aes", null, user, "guess-3");
                assertEquals(429, slowed.statusCode(), "the third guess comes too soon");
                assertEquals("1", slowed.headers().firstValue("Retry-After").orElse(null));
                Thread.sleep(1_100);
                assertEquals(401, send("GET", "/aes", null, user, "guess-4").statusCode());
                Thread.sleep(2_100);
                assertEquals(401, send("GET", "/aes", null, user, "guess-5").statusCode());
                HttpResponse<String> locked = send("GET", "/aes", null, user, "lookout-9-rivers");
                assertEquals(429, locked.statusCode(), "locked: the right password is refused too");
                assertTrue(locked.body().contains("locked"), locked.body());
                Thread.sleep(6_500);
                assertEquals(200, send("GET", "/aes", null, user, "lookout-9-rivers").statusCode(),
                        "the lock is over");
                assertEquals(401, send("GET", "/aes", null, user, "guess-6").statusCode(),
                        "a success forgot the failures: no slow-down");
            } finally {
                m.systemProperty("beacon.login.slow-after", "${env.BEACON_LOGIN_SLOW_AFTER:3}");
                m.systemProperty("beacon.login.max-failures", "${env.BEACON_LOGIN_MAX_FAILURES:10}");
                m.systemProperty("beacon.login.lock-seconds", "${env.BEACON_LOGIN_LOCK_SECONDS:900}");
            }
        } finally {
            Beacon.api("DELETE", "/users/" + user, null);
        }
        var entries = Beacon.array(Beacon.api("GET", "/audit?event=110114&user=" + user, null));
        boolean lockAudited = false;
        for (JsonObject e : entries.getValuesAs(JsonObject.class)) {
            String xml = Beacon.api("GET", "/audit/" + e.getJsonNumber("id").longValue(), null).body();
            lockAudited |= xml.contains("user name locked for 6 s after 4 failed logins in a row");
        }
        assertTrue(entries.size() >= 7, "every attempt audited: " + entries);
        assertTrue(lockAudited, "the lock is audited");
    }

    @Test
    void thePasswordPolicyRefusesWhatAGuesserTriesFirst() throws Exception {
        String user = "policy" + System.nanoTime() % 1_000_000;
        for (String[] c : new String[][] {{"short", "at least 10 characters"},
                {user + "-2026", "may not contain the user name"}, {"9876543210", "too simple"},
                {"Password123", "every guesser tries first"}}) {
            HttpResponse<String> r = Beacon.api("PUT", "/users/" + user, "{\"password\":\"" + c[0]
                    + "\",\"role\":\"viewer\"}");
            assertEquals(400, r.statusCode(), c[0]);
            assertTrue(r.body().contains(c[1]), r.body());
        }
        assertTrue(!Beacon.api("GET", "/users", null).body().contains("\"" + user + "\""), "no user was made");
    }

    @Test
    void aConsoleSessionEndsWhenItsUsersPasswordOrRoleChanges() throws Exception {
        String user = "session" + System.nanoTime() % 1_000_000;
        createUser(user, "lookout-9-rivers", "admin");
        try (Browser b = Browser.open("en-US")) {
            b.login(user, "lookout-9-rivers").go("aes.xhtml");
            assertTrue(b.text().contains(user), "logged in");
            createUser(user, "lookout-9-rivers", "viewer"); // the role changes
            b.go("aes.xhtml");
            b.awaitUrlEnding("login.xhtml");
            b.login(user, "lookout-9-rivers").go("aes.xhtml");
            assertTrue(b.text().contains(user + " (viewer)"), b.text());
            createUser(user, "another-7-valleys", "viewer"); // the password changes
            b.go("studies.xhtml");
            b.awaitUrlEnding("login.xhtml");
        } finally {
            Beacon.api("DELETE", "/users/" + user, null);
        }
    }

    @Test
    void aBrowsersCrossSitePostIsRefusedAndAnAllowedOriginsIsNot() throws Exception {
        String body = "{\"aeTitle\":\"CSRF%s\",\"host\":\"127.0.0.1\",\"port\":104}";
        String admin = Beacon.adminPassword();
        HttpResponse<String> forged = send("POST", "/aes", String.format(body, "1"), "admin", admin,
                "Origin", "http://evil.example");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("cross-site request forgery"), forged.body());
        assertEquals(403, send("DELETE", "/aes/NOSUCHAE", null, "admin", admin, "Sec-Fetch-Site", "cross-site")
                .statusCode(), "a cross-site request without Origin, as a browser marks it");
        assertEquals(404, Beacon.api("GET", "/aes/CSRF1", null).statusCode(), "nothing was created");
        assertEquals(201, send("POST", "/aes", String.format(body, "2"), "admin", admin,
                "Origin", "http://viewer.test").statusCode(), "an origin of BEACON_CORS_ORIGINS");
        assertEquals(201, send("POST", "/aes", String.format(body, "3"), "admin", admin,
                "Origin", "http://127.0.0.1:8080", "Sec-Fetch-Site", "same-origin").statusCode(), "the archive's own");
        assertEquals(200, send("GET", "/aes", null, "admin", admin, "Origin", "http://evil.example").statusCode(),
                "reading is no forgery (the browser keeps the answer from the other site)");
        Beacon.api("DELETE", "/aes/CSRF2", null);
        Beacon.api("DELETE", "/aes/CSRF3", null);
    }

    @Test
    void theConsoleAndTheApiSendTheBrowserSecurityHeaders() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(Browser.CONSOLE + "login.xhtml"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertNull(page.headers().firstValue("Strict-Transport-Security").orElse(null), "no HSTS over plain HTTP");
        HttpResponse<String> api = Beacon.api("GET", "/aes", null);
        assertEquals("nosniff", api.headers().firstValue("X-Content-Type-Options").orElse(null));
        try (Browser b = Browser.open("en-US")) {
            b.login("admin", Beacon.adminPassword()).go("studies.xhtml");
            assertTrue(b.present(By.id("nav:audit")), "the console works under its policy");
        }
    }
}
