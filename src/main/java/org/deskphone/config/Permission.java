package org.deskphone.config;

import java.util.Map;

/**
 * An ALE permission code {@code X1X2} (ALE L2890–2945): what each access level may do with an item.
 * X1 is the lowest level that sees the item (2 admin, 1 var, 0 user, 3 nobody), X2 how far it may write.
 * The manual's table is implemented literally, including rows 11 and 21 that contradict its prose (ALE
 * digest §11 A-7), because the table is what administrators check against. The phone UI cannot show
 * read-only items; how it treats {@code R} is the UI's business.
 */
public final class Permission {
    /** Per code: what admin, var and user get, W = read and write, R = read only, N = hidden. */
    private static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("0", "WWW"), Map.entry("1", "WWN"), Map.entry("2", "WNN"), Map.entry("3", "NNN"),
            Map.entry("00", "WWW"), Map.entry("01", "WWR"), Map.entry("02", "WRR"), Map.entry("03", "RRR"),
            Map.entry("10", "WWN"), Map.entry("11", "WWN"), Map.entry("12", "WRN"), Map.entry("13", "RRN"),
            Map.entry("20", "WNN"), Map.entry("21", "WNN"), Map.entry("22", "WNN"), Map.entry("23", "RNN"),
            Map.entry("30", "NNN"), Map.entry("31", "NNN"), Map.entry("32", "NNN"), Map.entry("33", "NNN"));

    private final String code;
    private final String rights;

    private Permission(String code, String rights) {
        this.code = code;
        this.rights = rights;
    }

    /**
     * The permission of {@code code}, one of {@code 0}–{@code 3} or {@code 00}–{@code 33}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Permission parse(String code) {
        String rights = code == null ? null : TABLE.get(code.strip());
        if (rights == null) {
            throw new IllegalArgumentException("'" + code + "' is not a permission code (0-3 or 00-33, ALE L2897)");
        }
        return new Permission(code.strip(), rights);
    }

    public String code() {
        return code;
    }

    public boolean canRead(Access access) {
        return right(access) != 'N';
    }

    public boolean canWrite(Access access) {
        return right(access) == 'W';
    }

    /** The lowest level that may write, for messages; null when nobody may. */
    public Access lowestWriter() {
        for (Access access : Access.values()) {
            if (canWrite(access)) {
                return access;
            }
        }
        return null;
    }

    private char right(Access access) {
        return rights.charAt(Access.ADMIN.ordinal() - access.ordinal());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Permission p && p.rights.equals(rights) && p.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
