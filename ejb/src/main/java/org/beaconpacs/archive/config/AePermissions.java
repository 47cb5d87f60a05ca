package org.beaconpacs.archive.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The permissions of the configured remote AEs, as of the last configuration push: read on every DIMSE
 * request, so a map look-up rather than a query. An AE that is not configured (let in by the "accept"
 * calling-AE policy) has every permission, as before permissions were enforced.
 */
@ApplicationScoped
public class AePermissions {

    private volatile Map<String, Set<AePermission>> granted = Map.of();

    /** Replaces the snapshot with the remote AEs of {@code aes}. */
    public void update(List<AeDto> aes) {
        granted = aes.stream().filter(a -> !a.local()).collect(Collectors.toUnmodifiableMap(AeDto::aeTitle,
                AePermissions::of, (a, b) -> a));
    }

    /** True when {@code aeTitle} may do what {@code permission} stands for. */
    public boolean allows(String aeTitle, AePermission permission) {
        Set<AePermission> p = aeTitle == null ? null : granted.get(aeTitle.strip());
        return p == null || p.contains(permission);
    }

    /** The configured remote AE titles lacking {@code permission}. */
    public Set<String> denied(AePermission permission) {
        return granted.entrySet().stream().filter(e -> !e.getValue().contains(permission)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    static Set<AePermission> of(AeDto ae) {
        Set<AePermission> p = EnumSet.noneOf(AePermission.class);
        for (AePermission each : AePermission.values()) {
            if (each.grantedTo(ae)) {
                p.add(each);
            }
        }
        return Set.copyOf(p);
    }
}
