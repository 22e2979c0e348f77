package org.deskphone.config.format;

/** A contact group and its ring tone (blank for the default). */
public record ContactGroup(String name, String ring) {
}
