package org.beaconpacs.archive.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every label in both languages: the bundles have the same keys, and every key a page uses exists. */
class BundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/org/beaconpacs/archive/console");
    private static final Pattern USED = Pattern.compile("msg\\['([A-Za-z0-9.]+)'\\]");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void englishAndSimplifiedChineseHaveTheSameKeys() throws IOException {
        for (String bundle : new String[] {"messages", "faces"}) {
            Set<String> en = new TreeSet<>(load(bundle + ".properties").stringPropertyNames());
            Set<String> zh = new TreeSet<>(load(bundle + "_zh_CN.properties").stringPropertyNames());
            assertEquals(en, zh, bundle);
        }
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = USED.matcher(Files.readString(page));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(page.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }

    @Test
    void chineseLabelsAreChinese() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        assertEquals("应用实体", zh.getProperty("nav.aes"));
        assertEquals("登录", zh.getProperty("login.title"));
    }
}
