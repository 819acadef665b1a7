package io.leverwatch.kit.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An agency authenticated by its API key. The key itself is never kept. */
public class AgencyAuthentication extends AbstractAuthenticationToken {

    private final String agencyId;

    public AgencyAuthentication(String agencyId) {
        super(List.of(new SimpleGrantedAuthority("ROLE_AGENCY")));
        this.agencyId = agencyId;
        setAuthenticated(true);
    }

    public String agencyId() {
        return agencyId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return agencyId;
    }
}
