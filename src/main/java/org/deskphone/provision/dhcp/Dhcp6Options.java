package org.deskphone.provision.dhcp;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The DHCPv6 options that carry a provisioning URL (ALE L563-584): option 59, "one provisioning URL address
 * or FQDN" (the boot-file URL of RFC 5970), and option 17, the vendor-specific option (RFC 8415 §21.17:
 * an enterprise number, then code-length-value pairs with 16-bit fields) whose URL is the "full path
 * provisioning URL". "Option 17 > option 59" (ALE L580-583). Immutable.
 */
public final class Dhcp6Options {
    public static final int VENDOR_OPTS = 17;
    public static final int BOOTFILE_URL = 59;
    public static final Dhcp6Options NONE = new Dhcp6Options(Map.of());

    private final Map<Integer, byte[]> options;

    private Dhcp6Options(Map<Integer, byte[]> options) {
        this.options = options;
    }

    public static Dhcp6Options of(Map<Integer, byte[]> options) {
        Map<Integer, byte[]> copy = new LinkedHashMap<>();
        options.forEach((code, value) -> copy.put(code, value.clone()));
        return new Dhcp6Options(Collections.unmodifiableMap(copy));
    }

    /** Option 59 as text. */
    public Optional<String> bootfileUrl() {
        byte[] value = options.get(BOOTFILE_URL);
        return value == null ? Optional.empty() : text(value);
    }

    /** The first sub-option of option 17 that holds text, the full path provisioning URL. */
    public Optional<String> vendorUrl() {
        byte[] value = options.get(VENDOR_OPTS);
        if (value == null || value.length < 4) {
            return Optional.empty();
        }
        int i = 4;
        while (i + 4 <= value.length) {
            int length = ((value[i + 2] & 0xff) << 8) | (value[i + 3] & 0xff);
            if (i + 4 + length > value.length) {
                return Optional.empty();
            }
            byte[] sub = new byte[length];
            System.arraycopy(value, i + 4, sub, 0, length);
            Optional<String> text = text(sub);
            if (text.isPresent()) {
                return text;
            }
            i += 4 + length;
        }
        return Optional.empty();
    }

    /** A custom option (ALE's {@code DeviceProvisionDHCPCustomOptionIPv6}, 135-65535 except 143) as text. */
    public Optional<String> text(int code) {
        byte[] value = options.get(code);
        return value == null ? Optional.empty() : text(value);
    }

    private static Optional<String> text(byte[] value) {
        for (byte b : value) {
            int c = b & 0xff;
            if (c != 0 && (c < 0x20 || c == 0x7f)) {
                return Optional.empty();
            }
        }
        String text = new String(value, StandardCharsets.UTF_8).replace("\0", "").trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
