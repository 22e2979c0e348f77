package org.deskphone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.deskphone.hal.Geometry;
import org.junit.jupiter.api.Test;

class IdleScreenTest {
    private final IdleScreen idle = new IdleScreen("deskphone", ZoneId.of("Europe/Paris"));
    private final Instant sunday = Instant.parse("2026-11-22T13:05:42Z");

    @Test
    void twentyByFourShowsNameTimeDateAndAccount() {
        assertThat(idle.render(Geometry.text(20, 4), sunday, "No account").lines()).containsExactly(
                "deskphone      14:05",
                "Sun 22 Nov 2026     ",
                "                    ",
                "No account          ");
    }

    @Test
    void sixteenByTwoDropsTheDate() {
        assertThat(idle.render(Geometry.text(16, 2), sunday, "No account").text())
                .isEqualTo("deskphone  14:05\nNo account");
    }

    @Test
    void theTimeWinsWhenTheRowIsShort() {
        assertThat(IdleScreen.spread("deskphone", "14:05", 8)).isEqualTo("de 14:05");
        assertThat(IdleScreen.spread("deskphone", "14:05", 5)).isEqualTo("14:05");
    }
}
