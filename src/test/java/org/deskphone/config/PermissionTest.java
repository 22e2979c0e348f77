package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ALE permission table, L2908–2945, cell by cell (E-40, E-41). */
class PermissionTest {
    /** code → admin, var, user as the manual prints them: WR, R or N. */
    private static final Map<String, String[]> TABLE = Map.ofEntries(
            Map.entry("0", new String[] {"WR", "WR", "WR"}), Map.entry("1", new String[] {"WR", "WR", "N"}),
            Map.entry("2", new String[] {"WR", "N", "N"}), Map.entry("3", new String[] {"N", "N", "N"}),
            Map.entry("00", new String[] {"WR", "WR", "WR"}), Map.entry("01", new String[] {"WR", "WR", "R"}),
            Map.entry("02", new String[] {"WR", "R", "R"}), Map.entry("03", new String[] {"R", "R", "R"}),
            Map.entry("10", new String[] {"WR", "WR", "N"}), Map.entry("11", new String[] {"WR", "WR", "N"}),
            Map.entry("12", new String[] {"WR", "R", "N"}), Map.entry("13", new String[] {"R", "R", "N"}),
            Map.entry("20", new String[] {"WR", "N", "N"}), Map.entry("21", new String[] {"WR", "N", "N"}),
            Map.entry("22", new String[] {"WR", "N", "N"}), Map.entry("23", new String[] {"R", "N", "N"}),
            Map.entry("30", new String[] {"N", "N", "N"}), Map.entry("31", new String[] {"N", "N", "N"}),
            Map.entry("32", new String[] {"N", "N", "N"}), Map.entry("33", new String[] {"N", "N", "N"}));

    @Test
    void everyCodeGivesTheTablesCells() {
        TABLE.forEach((code, cells) -> {
            Permission permission = Permission.parse(code);
            Access[] levels = {Access.ADMIN, Access.VAR, Access.USER};
            for (int i = 0; i < 3; i++) {
                String cell = permission.canWrite(levels[i]) ? "WR" : permission.canRead(levels[i]) ? "R" : "N";
                assertThat(cell).as("code %s, %s", code, levels[i]).isEqualTo(cells[i]);
            }
        });
    }

    @Test
    void codeZeroOneIsUserReadOnly() {
        // E-40: "01" → admin WR, var WR, user R.
        Permission p = Permission.parse("01");
        assertThat(p.canWrite(Access.VAR)).isTrue();
        assertThat(p.canRead(Access.USER)).isTrue();
        assertThat(p.canWrite(Access.USER)).isFalse();
        assertThat(p.lowestWriter()).isEqualTo(Access.VAR);
        assertThat(Permission.parse("03").lowestWriter()).isNull();
    }

    @Test
    void otherCodesAreRefused() {
        assertThatThrownBy(() -> Permission.parse("4")).hasMessageContaining("not a permission code");
        assertThatThrownBy(() -> Permission.parse("012")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Permission.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
