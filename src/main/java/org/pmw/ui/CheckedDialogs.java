package org.pmw.ui;

import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;

/** Dialogs whose OK reads what was typed: a reading that fails keeps the dialog open, with what is wrong. */
public final class CheckedDialogs {

    private CheckedDialogs() {
    }

    /**
     * OK runs {@code read}; its result is the dialog's. A {@link RuntimeException} it throws is shown in
     * {@code problem} and the dialog stays open, so nothing typed is lost.
     */
    public static <T> void okReads(Dialog<T> dialog, Supplier<T> read, Label problem) {
        java.util.concurrent.atomic.AtomicReference<T> chosen = new java.util.concurrent.atomic.AtomicReference<>();
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                chosen.set(read.get());
            } catch (RuntimeException ex) {
                problem.setText(ex.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? chosen.get() : null);
    }
}
