package org.deskphone.config.format;

/** The two provisioning dialects: Yealink's {@code key = value} files and ALE's {@code config.xml}. */
public enum Dialect {
    /** {@code #!version:1.0.0.1} then {@code key = value} lines (Yealink auto-provisioning guide). */
    CFG,
    /** {@code <settings><setting id="..." value="..."/></settings>} (ALE administration manual). */
    XML;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
