package org.deskphone.config;

import java.time.Instant;

/**
 * A provisioned file the store applied in the last provisioning run, with the MD5 of its (decrypted)
 * content. Saved atomically with the values, so that the provisioning client can compare MD5s to skip an
 * unchanged run (Yealink L1567–1577) without ever trusting an MD5 whose values were not saved.
 */
public record AppliedFile(String name, String md5, Instant appliedAt) {
}
