package org.iomworkbench.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;
import java.util.function.Function;

/** Table columns: text worked out from the row, and widths that fit what is shown. */
public final class Columns {
    private static final double CELL_PADDING = 24;
    private static final double MAX_FITTED_WIDTH = 420;

    private Columns() {
    }

    public static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    /**
     * Makes each column as wide as its heading or its widest cell among {@code rows}, up to a
     * limit, in {@code font} (the font the view's text is in, which follows the font-size setting).
     */
    public static <S> void fitToContent(List<? extends TableColumn<S, ?>> columns, List<S> rows, Font font) {
        Font heading = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        for (TableColumn<S, ?> col : columns) {
            double width = textWidth(col.getText(), heading);
            for (S row : rows) {
                ObservableValue<?> v = col.getCellObservableValue(row);
                if (v != null && v.getValue() != null) {
                    width = Math.max(width, textWidth(v.getValue().toString(), font));
                }
            }
            col.setPrefWidth(Math.min(MAX_FITTED_WIDTH, width + CELL_PADDING));
        }
    }

    /** The width {@code text} takes in {@code font}, cell padding included. */
    public static double cellWidth(String text, Font font) {
        return textWidth(text, font) + CELL_PADDING;
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
