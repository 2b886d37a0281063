package org.emajshell.render;

/**
 * Terminal column widths of text: East Asian wide and fullwidth characters take two columns,
 * combining marks none.
 */
final class DisplayWidth {

    private DisplayWidth() {
    }

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    static int of(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115f)
            || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
            || (cp >= 0xac00 && cp <= 0xd7a3)
            || (cp >= 0xf900 && cp <= 0xfaff)
            || (cp >= 0xfe30 && cp <= 0xfe4f)
            || (cp >= 0xff00 && cp <= 0xff60)
            || (cp >= 0xffe0 && cp <= 0xffe6)
            || (cp >= 0x1f300 && cp <= 0x1f64f)
            || (cp >= 0x1f900 && cp <= 0x1f9ff)
            || (cp >= 0x20000 && cp <= 0x3fffd);
    }
}
