package org.deskphone.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyTest {

    @Test
    void dialPadSymbolsRoundTrip() {
        for (char symbol : "0123456789*#".toCharArray()) {
            Key key = Key.dialPad(symbol);
            assertThat(key.isDialPad()).isTrue();
            assertThat(key.symbol()).isEqualTo(symbol);
        }
    }

    @Test
    void numberedKeysStartAtOneAndOthersAreNotNumbered() {
        assertThat(Key.line(1)).hasToString("LINE 1");
        assertThatThrownBy(() -> Key.line(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Key(Key.Kind.HOLD, 2)).hasMessageContaining("not a numbered key");
        assertThatThrownBy(() -> Key.digit(10)).hasMessageContaining("digit out of range");
        assertThatThrownBy(() -> Key.dialPad('A')).hasMessageContaining("not a dial-pad key");
        assertThatThrownBy(() -> Key.of(Key.Kind.HOLD).symbol()).isInstanceOf(IllegalStateException.class);
    }
}
