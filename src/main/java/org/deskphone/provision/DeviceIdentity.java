package org.deskphone.provision;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.deskphone.hal.BoardDescriptor;

/**
 * Who the phone is to a provisioning server. Its files are named from this: Yealink's common file from the
 * model code ({@code y0000000000XX.cfg}, Yealink L154-168) and its MAC file from the MAC
 * ({@code 0015651130F9.cfg}, L118-122); ALE's from {@code $model} and {@code $mac} (ALE L2185-2212).
 *
 * @param mac       12 upper-case hex digits, no separators (the form of both manuals' examples)
 * @param model     the model name that replaces {@code $model}, such as {@code M8}
 * @param modelCode Yealink's two-digit code XX of the common file
 * @param firmware  the running firmware version, sent in the User-Agent
 */
public record DeviceIdentity(String mac, String model, String modelCode, String firmware) {

    public DeviceIdentity {
        mac = normalizeMac(mac);
        Objects.requireNonNull(model, "model");
        if (model.isBlank() || model.contains("/")) {
            throw new IllegalArgumentException("model '" + model + "' must be a non-empty name without '/'");
        }
        if (modelCode == null || !modelCode.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("the Yealink model code must be two digits, not '" + modelCode + "'");
        }
        firmware = firmware == null || firmware.isBlank() ? "unknown" : firmware;
    }

    /**
     * The identity a board declares ({@code mac}, {@code model}, {@code provision.model_code}), with the
     * command line's choices taking precedence when given.
     */
    public static DeviceIdentity of(BoardDescriptor board, Optional<String> mac, Optional<String> model,
            Optional<String> modelCode, String firmware) {
        String macValue = mac.orElseGet(() -> board.get("mac").orElse("auto"));
        if (macValue.equalsIgnoreCase("auto")) {
            macValue = firstHardwareAddress().orElseThrow(() -> new IllegalArgumentException(board.source()
                    + ": mac = auto, but no network interface has a hardware address; set mac or use --mac"));
        }
        return new DeviceIdentity(macValue, model.orElse(board.model()),
                modelCode.orElse(board.get("provision.model_code").orElse("00")), firmware);
    }

    /** {@code 00:15:65:11:30:f9}, {@code 0015.6511.30f9} and {@code 0015651130F9} are the same MAC. */
    public static String normalizeMac(String mac) {
        Objects.requireNonNull(mac, "mac");
        String hex = mac.replaceAll("[:.\\-\\s]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{12}")) {
            throw new IllegalArgumentException("a MAC is 12 hex digits, not '" + mac + "'");
        }
        return hex;
    }

    /** The MAC in lower case, the spelling real PBXs use for file names. */
    public String macLower() {
        return mac.toLowerCase(Locale.ROOT);
    }

    private static Optional<String> firstHardwareAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                byte[] address = nic.isLoopback() ? null : nic.getHardwareAddress();
                if (address != null && address.length == 6 && !allZero(address)) {
                    StringBuilder hex = new StringBuilder();
                    for (byte b : address) {
                        hex.append(String.format("%02X", b & 0xff));
                    }
                    return Optional.of(hex.toString());
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
