package io.leverwatch.platform;

/** Placeholder replaced by the embedded platform launcher. */
public final class Platform {
    public static void main(String[] args) {}
}
