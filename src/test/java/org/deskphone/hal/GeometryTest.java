package org.deskphone.hal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void parsesCharacterAndPixelDisplays() {
        assertThat(Geometry.parse("16x2")).isEqualTo(Geometry.text(16, 2));
        Geometry panel = Geometry.parse("128x64px/21x8");
        assertThat(panel.isPixelPanel()).isTrue();
        assertThat(panel.widthPixels()).isEqualTo(128);
        assertThat(panel.columns()).isEqualTo(21);
        assertThat(panel).hasToString("128x64px/21x8");
        assertThat(Geometry.parse(" 20x4 ")).hasToString("20x4");
    }

    @Test
    void badGeometryNamesTheValue() {
        assertThatThrownBy(() -> Geometry.parse("20by4")).hasMessageContaining("'20by4'");
        assertThatThrownBy(() -> Geometry.parse("0x2")).hasMessageContaining("at least one cell");
        assertThatThrownBy(() -> Geometry.parse("128x64/21x8")).hasMessageContaining("px");
    }
}
