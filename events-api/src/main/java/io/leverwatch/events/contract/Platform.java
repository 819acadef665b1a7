package io.leverwatch.events.contract;

/** Where an account lives. */
public enum Platform {
    FACEBOOK,
    X_TWITTER,
    INSTAGRAM,
    LINKEDIN,
    TIKTOK,
    GOOGLE_ADS,
    DOMAIN_NAME,
    WEBSITE_ADMIN,
    HOSTING,
    OTHER
}
