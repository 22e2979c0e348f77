package org.deskphone.net.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Time and date formats: ALE SettingTimeFormat/SettingDateFormat (seed 004 L11451-11492), Yealink local_time.* (seed 000 L7825-7886). */
class ClockFormatTest {
    private static final LocalDateTime ONE_PM = LocalDateTime.of(2024, 3, 5, 13, 0);

    /** K-09, ALE L11451-11460: "1:00 PM displays as 13:00". */
    @Test
    void twentyFourHoursShowsOnePmAsThirteen() {
        assertThat(new ClockFormat(false, 0).time().format(ONE_PM)).isEqualTo("1:00 PM");
        assertThat(new ClockFormat(true, 0).time().format(ONE_PM)).isEqualTo("13:00");
        assertThat(new ClockFormat(false, 0).time().format(ONE_PM.withHour(0).withMinute(5))).isEqualTo("12:05 AM");
    }

    /** K-10 (ALE L11468-11492) and E57 (Yealink L7856-7880): every format by number, 2024-03-05 a Tuesday. */
    @ParameterizedTest
    @CsvSource({"0, Tue Mar 05", "1, 05-Mar-24", "2, 2024-03-05", "3, 05/03/2024", "4, 03/05/24", "5, 05 Mar 2024",
        "6, Tue 05 Mar", "7, 03 05 Tue", "8, 24-03-05", "9, 2024/03/05", "10, 24/03/05", "11, 2024 03 05"})
    void dateFormatsByNumber(int number, String shown) {
        assertThat(new ClockFormat(true, number).date().format(ONE_PM)).isEqualTo(shown);
    }

    @Test
    void theManualsNamesAreKeptAndUnknownNumbersRefused() {
        assertThat(new ClockFormat(true, 2).dateFormatName()).isEqualTo("YYYY-MM-DD");
        assertThat(ClockFormat.dateFormats()).isEqualTo(12);
        assertThatThrownBy(() -> new ClockFormat(true, 12)).hasMessageContaining("0-11");
    }
}
