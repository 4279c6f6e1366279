package org.iomworkbench.ui.score;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Scores view writes for the analyst: a chart as a PNG (a snapshot of its node) and a
 * table as CSV, the CSV headed by a {@code #} line with the settings that made the numbers.
 */
public final class ViewExport {
    private ViewExport() {
    }

    /** The pixels of a snapshot, copied on the UI thread so the file can be written off it. */
    public static BufferedImage pixels(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    public static void writePng(BufferedImage img, Path file) throws IOException {
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer is available");
        }
    }

    /** The table's columns and rows as shown, as text. */
    public static <S> List<List<String>> cells(TableView<S> table) {
        List<List<String>> out = new ArrayList<>();
        List<String> head = new ArrayList<>();
        for (TableColumn<S, ?> c : table.getColumns()) {
            head.add(c.getText());
        }
        out.add(head);
        for (S item : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (TableColumn<S, ?> c : table.getColumns()) {
                Object v = c.getCellObservableValue(item) == null ? null : c.getCellObservableValue(item).getValue();
                row.add(v == null ? "" : v.toString());
            }
            out.add(row);
        }
        return out;
    }

    public static String csv(String comment, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        if (comment != null && !comment.isEmpty()) {
            b.append("# ").append(comment.replace('\n', ' ')).append('\n');
        }
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(quote(r.get(i)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public static void writeCsv(String text, Path file) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
