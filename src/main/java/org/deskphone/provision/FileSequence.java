package org.deskphone.provision;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration files a run requests from a server folder, in order.
 *
 * <p>Yealink: "the Common CFG file firstly, and then ... the MAC-Oriented CFG file" (L1543-1546):
 * {@code y0000000000XX.cfg} (L124-168) then {@code <MAC>.cfg} (L118-122). ALE: {@code DeviceProvisionFileFirst},
 * {@code Second}, {@code Third} "in turn" (L2207-2225), by default {@code config.xml}, {@code config.$model.xml},
 * {@code config.$mac.xml}.
 *
 * <p>A phone requests both vendors' sequences unless its board limits it, so that an unmodified Yealink-style
 * tree and an unmodified ALE-style tree both work; the other vendor's names then answer 404, which is normal.
 * The MAC is requested in upper case as both manuals show it; real servers often store it in lower case
 * (Yealink digest §6 A5), so a not-found upper-case name is retried in lower case.
 */
public final class FileSequence {

    /** Whose file names a phone requests. */
    public enum Family {
        YEALINK, ALE;

        /** Parses the board's {@code provision.files}: {@code yealink}, {@code ale} or both. */
        public static Set<Family> parse(String value) {
            Set<Family> families = EnumSet.noneOf(Family.class);
            for (String word : value.trim().split("[\\s,;]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                try {
                    families.add(Family.valueOf(word.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("provision.files: '" + word + "' is neither yealink nor ale");
                }
            }
            if (families.isEmpty()) {
                throw new IllegalArgumentException("provision.files names no file family");
            }
            return families;
        }
    }

    /**
     * One file to request.
     *
     * @param role          its place in the run
     * @param name          the name (or, from an ALE setting, possibly a whole URL)
     * @param lowerCaseName the same name with the MAC in lower case, tried when {@code name} is not found
     */
    public record Request(FileRole role, String name, Optional<String> lowerCaseName) {
    }

    private FileSequence() {
    }

    /** The requests for {@code identity}, with ALE's three names from the settings. */
    public static List<Request> of(DeviceIdentity identity, Set<Family> families, List<String> aleNames) {
        List<Request> requests = new ArrayList<>();
        if (families.contains(Family.YEALINK)) {
            requests.add(new Request(FileRole.YEALINK_COMMON, commonFileName(identity.modelCode()), Optional.empty()));
            requests.add(new Request(FileRole.YEALINK_MAC, identity.mac() + ".cfg", Optional.of(identity.macLower() + ".cfg")));
        }
        if (families.contains(Family.ALE)) {
            FileRole[] roles = {FileRole.ALE_FIRST, FileRole.ALE_SECOND, FileRole.ALE_THIRD};
            for (int i = 0; i < roles.length && i < aleNames.size(); i++) {
                String template = aleNames.get(i);
                String name = substitute(template, identity, identity.mac());
                Optional<String> lower = hasMacToken(template)
                        ? Optional.of(substitute(template, identity, identity.macLower())) : Optional.empty();
                requests.add(new Request(roles[i], name, lower));
            }
        }
        return requests;
    }

    /** Yealink's common file: {@code y} and twelve digits ending in the model code (L124-128). */
    public static String commonFileName(String modelCode) {
        return "y0000000000" + modelCode + ".cfg";
    }

    /** Replaces {@code $model} and {@code $mac} (ALE L2185-2212), in any letter case. */
    static String substitute(String template, DeviceIdentity identity, String mac) {
        return template.replaceAll("(?i)\\$model", java.util.regex.Matcher.quoteReplacement(identity.model()))
                .replaceAll("(?i)\\$mac", mac);
    }

    private static boolean hasMacToken(String template) {
        return template.toLowerCase(Locale.ROOT).contains("$mac");
    }
}
