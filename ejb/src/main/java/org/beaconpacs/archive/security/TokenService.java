package org.beaconpacs.archive.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.infinispan.Cache;

/**
 * Bearer tokens for the REST API and DICOMweb (RFC 6750), so that a viewer's requests after the first cost
 * an HMAC instead of a PBKDF2 password hash. A token is a JWT (RFC 7519) signed with HS256 by a key the
 * archive keeps in its database (one key for every node of a cluster), naming the user, the roles, the
 * expiry and a stamp of the user's credentials: a changed password or role, or a removed user, makes
 * every token issued before it invalid.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TokenService {

    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final String ISSUER = "beacon";

    @EJB
    private TokenKeys keys;
    @Resource(lookup = "java:jboss/infinispan/cache/beacon/user-stamps")
    private Cache<String, String> stamps;

    private SecretKeySpec key;
    private Clock clock = Clock.systemUTC();

    /** The validated caller of a token. */
    public record Caller(String name, Set<String> groups) {
    }

    @PostConstruct
    void init() {
        byte[] k;
        try {
            k = keys.signingKey();
        } catch (jakarta.ejb.EJBException e) {
            k = keys.signingKey(); // another node made the key at the same moment: read it
        }
        key = new SecretKeySpec(k, "HmacSHA256");
    }

    /** A token for {@code user} with {@code groups}, valid for {@link TokenSettings#lifetime()} seconds. */
    public BearerToken issue(String user, Set<String> groups) {
        long now = clock.instant().getEpochSecond();
        long lifetime = TokenSettings.lifetime();
        JsonArrayBuilder roles = Json.createArrayBuilder();
        groups.stream().sorted().forEach(roles::add);
        String payload = Json.createObjectBuilder().add("iss", ISSUER).add("sub", user).add("groups", roles)
                .add("iat", now).add("exp", now + lifetime).add("stamp", credentialStamp(user)).build().toString();
        String signed = HEADER + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        return new BearerToken(signed + "." + b64(mac(signed)), lifetime);
    }

    /** The caller a token names, if its signature, expiry and credential stamp hold. */
    public Optional<Caller> validate(String token) {
        int first = token.indexOf('.');
        int last = token.lastIndexOf('.');
        if (first < 0 || last <= first || !token.startsWith(HEADER + ".")) {
            return Optional.empty();
        }
        byte[] signature;
        JsonObject claims;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(last + 1));
            if (!MessageDigest.isEqual(signature, mac(token.substring(0, last)))) {
                return Optional.empty();
            }
            try (JsonReader r = Json.createReader(new StringReader(new String(Base64.getUrlDecoder()
                    .decode(token.substring(first + 1, last)), StandardCharsets.UTF_8)))) {
                claims = r.readObject();
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        String user = claims.getString("sub", null);
        if (user == null || !ISSUER.equals(claims.getString("iss", null))
                || claims.getJsonNumber("exp") == null
                || claims.getJsonNumber("exp").longValue() <= clock.instant().getEpochSecond()
                || !credentialStamp(user).equals(claims.getString("stamp", null))) {
            return Optional.empty();
        }
        Set<String> groups = new HashSet<>();
        claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).forEach(s -> groups.add(s.getString()));
        return Optional.of(new Caller(user, Set.copyOf(groups)));
    }

    /** Forgets a changed user's stamp once the change is committed; the next token check reads the new one. */
    public void userChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) UserChanged changed) {
        stamps.remove(changed.username());
    }

    /**
     * The user's credential stamp (from the cache, else computed from the database), which changes with the
     * password or the role; "" for no such user.
     */
    public String credentialStamp(String user) {
        String cached = stamps.get(user);
        if (cached != null) {
            return cached;
        }
        String credentials = keys.credentials(user);
        String stamp = credentials == null ? "" : b64(java.util.Arrays.copyOf(mac(credentials), 12));
        stamps.put(user, stamp);
        return stamp;
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
