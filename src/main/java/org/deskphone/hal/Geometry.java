package org.deskphone.hal;

/**
 * What a display can show. Every display shows a grid of text cells ({@code columns} x {@code rows});
 * a pixel panel also declares its size in pixels and draws the cells with its own font.
 */
public record Geometry(int columns, int rows, int widthPixels, int heightPixels) {

    public Geometry {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a display needs at least one cell: " + columns + "x" + rows);
        }
        if (widthPixels < 0 || heightPixels < 0) {
            throw new IllegalArgumentException("negative pixel size");
        }
    }

    /** A character display such as a 16x2 or 20x4 HD44780. */
    public static Geometry text(int columns, int rows) {
        return new Geometry(columns, rows, 0, 0);
    }

    /** A pixel panel, drawn with a font whose cells make {@code columns} x {@code rows}. */
    public static Geometry pixels(int width, int height, int columns, int rows) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a pixel panel needs a size: " + width + "x" + height);
        }
        return new Geometry(columns, rows, width, height);
    }

    /**
     * Parses a descriptor value: {@code 20x4} for a character display, {@code 128x64px/21x8} for a pixel
     * panel with its text grid.
     */
    public static Geometry parse(String text) {
        String value = text.trim();
        try {
            int slash = value.indexOf('/');
            if (slash >= 0) {
                String pixels = value.substring(0, slash);
                if (!pixels.endsWith("px")) {
                    throw new IllegalArgumentException("pixel size must end with px");
                }
                int[] size = pair(pixels.substring(0, pixels.length() - 2));
                int[] cells = pair(value.substring(slash + 1));
                return pixels(size[0], size[1], cells[0], cells[1]);
            }
            int[] cells = pair(value);
            return text(cells[0], cells[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("display geometry '" + text
                    + "' is not COLSxROWS or WxHpx/COLSxROWS: " + e.getMessage(), e);
        }
    }

    public boolean isPixelPanel() {
        return widthPixels > 0;
    }

    private static int[] pair(String text) {
        int x = text.indexOf('x');
        if (x < 0) {
            throw new IllegalArgumentException("missing 'x' in '" + text + "'");
        }
        return new int[] {Integer.parseInt(text.substring(0, x).trim()), Integer.parseInt(text.substring(x + 1).trim())};
    }

    @Override
    public String toString() {
        return isPixelPanel()
                ? widthPixels + "x" + heightPixels + "px/" + columns + "x" + rows
                : columns + "x" + rows;
    }
}
