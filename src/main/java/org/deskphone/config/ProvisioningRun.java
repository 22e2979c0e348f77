package org.deskphone.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deskphone.config.format.CfgFormat;
import org.deskphone.config.format.FileKind;
import org.deskphone.config.format.FormatException;
import org.deskphone.config.format.SettingsFile;
import org.deskphone.config.format.XmlFormat;

/**
 * Applies one provisioning run's files to the store's layers. A pure function of the old layers and the
 * files, so the store can commit its result in one step.
 *
 * <p>The precedence rules (README "Configuration"):
 * <ol>
 * <li>Files apply in the order given, which is the fetch order: common, then model, then MAC
 *     (Yealink L1543–1546; ALE L2207–2212). For the same key the later file wins (Yealink digest §6 A6,
 *     ALE digest §3.4).</li>
 * <li>Each file applies whole or not at all: a file that cannot be read applies nothing and the run goes
 *     on with the next (ALE L2166–2167). A value that does not fit is skipped with a warning.</li>
 * <li>A key a file does not mention keeps its value; provisioned values accumulate across runs, as on
 *     the phones, where they are written to flash (ALE digest §3.4).</li>
 * <li>{@code %NULL%}, {@code !NULL!} and {@code define="default"} reset the key to its factory default
 *     (Yealink L2017–2021, ALE L2306–2320); a blank {@code .cfg} value leaves it alone (Yealink digest
 *     §6 A7).</li>
 * <li>A key the run sets or resets drops the local change of that key, so the newer provisioned value
 *     shows (Yealink digest §6 A6), unless user-setting protection is on
 *     ({@code auto_provision.custom.protect}, ALE {@code DeviceProvisionUserConfigProtectEnable},
 *     L2329–2337) as it stands after this run's files: then local changes stay and keep winning.</li>
 * </ol>
 */
final class ProvisioningRun {
    static final String PROTECT = "auto_provision.custom.protect";

    record Result(Layers layers, ProvisioningReport.FileResult[] files, Set<String> touched) {
    }

    private ProvisioningRun() {
    }

    static Result apply(Catalogue catalogue, Layers before, List<ProvisioningFile> files, Instant now) {
        Map<String, Config.Value> provisioned = new HashMap<>(before.provisioned());
        Map<String, Config.Value> unknown = new HashMap<>(before.unknown());
        Set<String> touched = new HashSet<>();
        List<AppliedFile> applied = new ArrayList<>();
        ProvisioningReport.FileResult[] results = new ProvisioningReport.FileResult[files.size()];
        for (int i = 0; i < files.size(); i++) {
            ProvisioningFile file = files.get(i);
            FileKind kind = FileKind.detect(file.content());
            String md5 = md5(file.content());
            Assignments assignments;
            try {
                SettingsFile settings = read(file.name(), file.content(), kind);
                Map<String, Config.Value> sofar = provisioned;
                assignments = Assignments.of(settings, catalogue,
                        name -> new Config(catalogue, new Layers(sofar, before.local(), Map.of(), List.of())).string(name));
            } catch (FormatException e) {
                results[i] = new ProvisioningReport.FileResult(file.name(), kind, false, 0, md5, List.of(e.problem()));
                continue;
            }
            Source source = Source.provisioned(StoreFile.oneLine(file.name()));
            for (Assignments.Assignment assignment : assignments.assignments) {
                if (assignment.parameter() == null) {
                    if (assignment.value() == null) {
                        unknown.remove(assignment.key());
                    } else {
                        unknown.put(assignment.key(), new Config.Value(assignment.value(), source));
                    }
                    continue;
                }
                String name = assignment.parameter().name();
                touched.add(name);
                if (assignment.value() == null) {
                    provisioned.remove(name);
                } else {
                    provisioned.put(name, new Config.Value(assignment.value(), source));
                }
            }
            applied.add(new AppliedFile(source.file(), md5, now));
            results[i] = new ProvisioningReport.FileResult(file.name(), kind, true, assignments.assignments.size(), md5,
                    assignments.problems);
        }
        Map<String, String> local = new HashMap<>(before.local());
        Config afterFiles = new Config(catalogue, new Layers(provisioned, local, unknown, List.of()));
        if (!afterFiles.bool(PROTECT)) {
            local.keySet().removeAll(touched);
        }
        List<AppliedFile> record = applied.isEmpty() ? before.applied() : applied;
        return new Result(new Layers(provisioned, local, unknown, record), results, touched);
    }

    /**
     * Reads a settings file of either dialect, told from its content.
     *
     * @throws FormatException when it is encrypted, not a settings file, or malformed
     */
    static SettingsFile read(String name, byte[] content, FileKind kind) throws FormatException {
        switch (kind) {
            case CFG_SETTINGS:
                return CfgFormat.read(name, content);
            case XML_SETTINGS:
                return XmlFormat.read(name, content);
            case ENCRYPTED:
                throw new FormatException(name, 0, "the file is encrypted; decrypt it first with its AES key "
                        + "(auto_provision.aes_key_16.com/.mac, or DeviceSecurityEncryptionAesKey)");
            case CONTACTS:
            case REPLACE_RULES:
            case DIAL_NOW:
                throw new FormatException(name, 1, "this is a " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " file, not a configuration file");
            default:
                // Let the likelier reader say precisely what is wrong.
                String start = new String(content, 0, Math.min(content.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
                return start.startsWith("<") ? XmlFormat.read(name, content) : CfgFormat.read(name, content);
        }
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }
}
