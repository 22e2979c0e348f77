package org.deskphone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.deskphone.hal.Geometry;
import org.junit.jupiter.api.Test;

class IdleScreenTest {
    private static final DateTimeFormatter H24 = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private final IdleScreen idle = new IdleScreen("deskphone", H24, DATE);
    private final LocalDateTime sunday = LocalDateTime.parse("2026-11-22T14:05:42");

    @Test
    void twentyByFourShowsNameTimeDateAndAccount() {
        assertThat(idle.render(Geometry.text(20, 4), sunday, "No account", "", "", List.of()).lines()).containsExactly(
                "deskphone      14:05",
                "Sun 22 Nov 2026     ",
                "                    ",
                "No account          ");
    }

    @Test
    void sixteenByTwoDropsTheDate() {
        assertThat(idle.render(Geometry.text(16, 2), sunday, "No account", "", "", List.of()).text())
                .isEqualTo("deskphone  14:05\nNo account");
    }

    /** K-09 (ALE L11451-11460): the 12-hour clock shows 14:05 as 2:05 PM. */
    @Test
    void theClockIsWrittenTheWayItIsGiven() {
        IdleScreen twelve = new IdleScreen("deskphone", DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH),
                DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH));
        assertThat(twelve.render(Geometry.text(20, 4), sunday, IdleScreen.NETWORK_UNAVAILABLE, "", "", List.of()).lines()).containsExactly(
                "deskphone    2:05 PM",
                "2026-11-22          ",
                "                    ",
                "network unavailable ");
    }

    @Test
    void theTimeWinsWhenTheRowIsShort() {
        assertThat(IdleScreen.spread("deskphone", "14:05", 8)).isEqualTo("de 14:05");
        assertThat(IdleScreen.spread("deskphone", "14:05", 5)).isEqualTo("14:05");
    }
}
