package org.deskphone.config;

import java.util.Objects;

/**
 * A file a provisioning run fetched, already decrypted: the name it is known by (a file name or URL,
 * shown in reports and as the source of its values) and its bytes. The dialect is found from the bytes.
 */
public record ProvisioningFile(String name, byte[] content) {

    public ProvisioningFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    public static ProvisioningFile of(String name, String text) {
        return new ProvisioningFile(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
