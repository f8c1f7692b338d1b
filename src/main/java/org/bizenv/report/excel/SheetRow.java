package org.bizenv.report.excel;

import java.util.Arrays;

/**
 * One row of a {@link StreamedSheet} while it is still in the sheet's window: its number, its height and its cells
 * (a style index and a string, a number or nothing), each column at most once, the last one set for it winning.
 */
final class SheetRow {
    static final byte NONE = 0;
    static final byte BLANK = 1;
    static final byte TEXT = 2;
    static final byte NUMBER = 3;

    private final StreamedSheet owner;
    private final int num;
    /** In twentieths of a point, as the file has it; -1 for the sheet's default. */
    private short height = -1;
    byte[] kind = new byte[8];
    int[] style = new int[8];
    double[] number = new double[8];
    String[] text = new String[8];
    /** One past the last column set. */
    int end;
    boolean written;

    SheetRow(StreamedSheet owner, int num) {
        this.owner = owner;
        this.num = num;
    }

    /** The row's number, 0-based. */
    int getRowNum() {
        return num;
    }

    /** Sets the height in points, kept (as in the file) in whole twentieths of a point; -1 for the default. */
    void setHeightInPoints(float points) {
        height = points == -1 ? -1 : (short) (points * 20);
    }

    /** The height in points: the one set, or the sheet's default row height. */
    float getHeightInPoints() {
        return (float) (height == -1 ? SheetLayout.DEFAULT_ROW_HEIGHT : height / 20.0);
    }

    boolean customHeight() {
        return height != -1;
    }

    /** The height as written in the row's {@code ht} attribute. */
    String heightText() {
        return Float.toString((float) (height / 20.0));
    }

    void blank(int col, int styleIndex) {
        set(col, BLANK, styleIndex);
    }

    void text(int col, String s, int styleIndex) {
        set(col, TEXT, styleIndex);
        text[col] = s;
    }

    void number(int col, double v, int styleIndex) {
        set(col, NUMBER, styleIndex);
        number[col] = v;
    }

    private void set(int col, byte k, int styleIndex) {
        if (written) {
            // a cell below the window would be lost without a word; no sheet of the report goes back that far
            throw new IllegalStateException("row " + (num + 1) + " of sheet '" + owner.name
                    + "' was already written");
        }
        if (col < 0 || col > StreamedSheet.LAST_COLUMN) {
            throw new IllegalArgumentException("Invalid column index (" + col + ")");
        }
        if (col >= kind.length) {
            int n = Math.max(col + 1, kind.length * 2);
            kind = Arrays.copyOf(kind, n);
            style = Arrays.copyOf(style, n);
            number = Arrays.copyOf(number, n);
            text = Arrays.copyOf(text, n);
        }
        kind[col] = k;
        style[col] = styleIndex;
        text[col] = null;
        end = Math.max(end, col + 1);
        owner.track(col);
    }
}
