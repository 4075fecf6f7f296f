package org.pmw.ui.cells;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;

/** A count in a table: right-aligned, with thousands separators. */
public final class CountCell<S> extends TableCell<S, Long> {

    @Override
    protected void updateItem(Long item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : String.format(Locale.ROOT, "%,d", item));
        setAlignment(Pos.CENTER_RIGHT);
    }
}
