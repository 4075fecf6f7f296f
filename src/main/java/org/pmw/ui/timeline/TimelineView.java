package org.pmw.ui.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.pmw.model.LaneDensity;
import org.pmw.model.Level;

/**
 * The timeline: a time axis, one lane per evidence source drawn from histogram buckets (never one node per
 * event), and lanes for changes, experiments, hypotheses, outcomes and incident markers. Wheel or +/- zooms,
 * dragging the lanes pans, dragging across the axis selects a time window, double-click shows everything.
 */
public final class TimelineView extends Region {

    static final double AXIS_HEIGHT = 38;
    static final double LANE_HEIGHT = 19;
    static final double LABEL_WIDTH = 150;
    private static final List<String> RECORD_LANES = List.of("Changes", "Experiments", "Hypotheses", "Outcomes");

    /** Colours of everything but the data; light by default. */
    public record Palette(Color background, Color axis, Color axisLine, Color grid, Color tick, Color text,
                          Color mutedText, Color laneEven, Color laneOdd, Color recordLabel, Color sourceLabel,
                          Color laneLine) {
        public static final Palette LIGHT = new Palette(Color.web("#fbfcfd"), Color.web("#eef1f4"),
                Color.web("#c8ced6"), Color.web("#dde2e8"), Color.web("#8893a0"), Color.web("#2d3640"),
                Color.web("#56606b"), Color.web("#ffffff"), Color.web("#f6f8fa"), Color.web("#e9edf2"),
                Color.web("#f1f4f7"), Color.web("#e3e7ec"));
        public static final Palette DARK = new Palette(Color.web("#1e2227"), Color.web("#262b31"),
                Color.web("#3a414a"), Color.web("#30363d"), Color.web("#7d8794"), Color.web("#d7dde4"),
                Color.web("#9aa4af"), Color.web("#1e2227"), Color.web("#23282e"), Color.web("#2c323a"),
                Color.web("#282d34"), Color.web("#30363d"));
    }

    private Palette palette = Palette.LIGHT;
    private final Canvas canvas = new Canvas();
    private final javafx.scene.control.ScrollBar scroll = new javafx.scene.control.ScrollBar();
    private final LongProperty visibleStart = new SimpleLongProperty(0);
    private final LongProperty visibleEnd = new SimpleLongProperty(3_600_000);
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneId.of("UTC"));
    private final ObjectProperty<String> selectedItem = new SimpleObjectProperty<>();
    private LaneDensity density;
    private List<String> sources = List.of();
    private BiConsumer<String, javafx.geometry.Point2D> onSourceMenu = (source, at) -> { };
    private List<TimelineItem> items = List.of();
    private long fullStart;
    private long fullEnd;
    private long selectionStart = -1;
    private long selectionEnd = -1;
    private double dragStartX = Double.NaN;
    private long dragStartVisible;
    private boolean selecting;
    private BiConsumer<Long, Long> onWindowSelected = (a, b) -> { };
    private Consumer<TimelineItem> onItemClicked = i -> { };
    private BiConsumer<String, String> onLinkDragged = (a, b) -> { };
    private TimelineItem linkFrom;
    private double[] linkTo;
    private final javafx.scene.control.Tooltip hover = new javafx.scene.control.Tooltip();
    private TimelineItem hovered;

    public TimelineView() {
        scroll.setOrientation(javafx.geometry.Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> draw());
        getChildren().addAll(canvas, scroll);
        getStyleClass().add("timeline");
        setFocusTraversable(true);
        setMinHeight(120);
        visibleStart.addListener((o, a, b) -> draw());
        visibleEnd.addListener((o, a, b) -> draw());
        selectedItem.addListener((o, a, b) -> draw());
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideHover());
        // a right-click on a file's lane name offers what can be done to that file
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                sourceAt(e.getX(), e.getY()).ifPresent(source -> {
                    onSourceMenu.accept(source, new javafx.geometry.Point2D(e.getScreenX(), e.getScreenY()));
                    e.consume();
                });
            }
        });
        hover.setWrapText(true);
        hover.setMaxWidth(420);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
                zoom(0.5, 0.5);
                e.consume();
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                zoom(2, 0.5);
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT) {
                pan(-0.2);
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT) {
                pan(0.2);
                e.consume();
            } else if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.HOME) {
                showAll();
                e.consume();
            }
        });
    }

    public LongProperty visibleStartProperty() { return visibleStart; }
    public LongProperty visibleEndProperty() { return visibleEnd; }
    public ObjectProperty<ZoneId> zoneProperty() { return zone; }

    /** What the lanes count, under the zone ("lanes: search matches"); empty for all events. */
    private String lanesNote = "";

    public void setLanesNote(String note) {
        lanesNote = note == null ? "" : note;
        draw();
    }

    public String lanesNote() {
        return lanesNote;
    }

    /** The density drawn in the lanes now, or null. */
    public LaneDensity density() {
        return density;
    }
    public ObjectProperty<String> selectedItemProperty() { return selectedItem; }

    public void setOnWindowSelected(BiConsumer<Long, Long> handler) { this.onWindowSelected = handler; }
    public void setOnItemClicked(Consumer<TimelineItem> handler) { this.onItemClicked = handler; }
    /** Called with the two record ids when a record is dragged onto another. */
    public void setOnLinkDragged(BiConsumer<String, String> handler) { this.onLinkDragged = handler; }

    /** Called with a source's id and the screen point where its lane's name was right-clicked. */
    public void setOnSourceMenu(BiConsumer<String, javafx.geometry.Point2D> handler) { this.onSourceMenu = handler; }

    /** The source whose lane name is at {@code (x, y)}, in this view's coordinates. */
    public java.util.Optional<String> sourceAt(double x, double y) {
        if (x < 0 || x >= LABEL_WIDTH || y < sourcesTop()) {
            return java.util.Optional.empty();
        }
        int lane = (int) Math.floor((y - laneTop(RECORD_LANES.size())) / LANE_HEIGHT);
        return lane >= 0 && lane < sources.size() ? java.util.Optional.of(sources.get(lane)) : java.util.Optional.empty();
    }

    /** The whole span of the project; "show all" returns here. */
    public void setFullRange(long start, long end) {
        this.fullStart = start;
        this.fullEnd = Math.max(end, start + 60_000);
    }

    public void setPalette(Palette palette) {
        this.palette = palette;
        draw();
    }

    public void showAll() {
        setVisible(fullStart, fullEnd);
    }

    public void setVisible(long start, long end) {
        long s = Math.min(start, end - 1000);
        visibleStart.set(s);
        visibleEnd.set(Math.max(end, s + 1000));
    }

    public void setData(List<String> laneSources, LaneDensity laneDensity, List<TimelineItem> timelineItems) {
        this.sources = List.copyOf(laneSources);
        this.density = laneDensity;
        this.items = List.copyOf(timelineItems);
        requestLayout();
        draw();
    }

    public void setSelection(long start, long end) {
        selectionStart = start;
        selectionEnd = end;
        draw();
    }

    public void clearSelection() {
        selectionStart = -1;
        selectionEnd = -1;
        draw();
    }

    /** Columns the density is wanted in at the current width (about one per 3 pixels). */
    public int wantedBuckets() {
        return Math.max(20, (int) ((getWidth() - LABEL_WIDTH) / 3));
    }

    /** Height that shows every lane. */
    public double preferredHeightFor(int sourceCount) {
        return AXIS_HEIGHT + (sourceCount + RECORD_LANES.size()) * LANE_HEIGHT + 8;
    }

    private void onScrollLanes(double deltaY) {
        scroll.setValue(Math.max(0, Math.min(scroll.getMax(), scroll.getValue() - deltaY)));
    }

    @Override
    protected void layoutChildren() {
        double content = preferredHeightFor(sources.size());
        boolean needScroll = content > getHeight() + 1;
        double barWidth = needScroll ? scroll.prefWidth(-1) : 0;
        scroll.setVisible(needScroll);
        scroll.resizeRelocate(getWidth() - barWidth, AXIS_HEIGHT, barWidth, Math.max(0, getHeight() - AXIS_HEIGHT));
        scroll.setMax(Math.max(0, content - getHeight()));
        scroll.setVisibleAmount(Math.max(1, getHeight() - AXIS_HEIGHT));
        if (!needScroll) {
            scroll.setValue(0);
        }
        canvas.setWidth(getWidth() - barWidth);
        canvas.setHeight(getHeight());
        draw();
    }

    @Override
    protected double computePrefHeight(double width) {
        return preferredHeightFor(sources.size());
    }

    /** Zooms by {@code factor} (0.5 = in) keeping the time under {@code anchor} (0..1 of the plot) still. */
    public void zoom(double factor, double anchor) {
        long start = visibleStart.get();
        long span = visibleEnd.get() - start;
        long pivot = start + (long) (span * anchor);
        long newSpan = Math.max(1000, (long) (span * factor));
        long newStart = pivot - (long) (newSpan * anchor);
        setVisible(newStart, newStart + newSpan);
    }

    public void pan(double fraction) {
        long span = visibleEnd.get() - visibleStart.get();
        long shift = (long) (span * fraction);
        setVisible(visibleStart.get() + shift, visibleEnd.get() + shift);
    }

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - LABEL_WIDTH);
    }

    private double xOf(long t) {
        return LABEL_WIDTH + (t - visibleStart.get()) * plotWidth() / (double) (visibleEnd.get() - visibleStart.get());
    }

    private long timeAt(double x) {
        return visibleStart.get() + (long) ((x - LABEL_WIDTH) / plotWidth() * (visibleEnd.get() - visibleStart.get()));
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        if (e.getX() < LABEL_WIDTH || e.isShiftDown()) {
            onScrollLanes(e.getDeltaY());
            e.consume();
            return;
        }
        double anchor = Math.max(0, Math.min(1, (e.getX() - LABEL_WIDTH) / plotWidth()));
        zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, anchor);
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        linkFrom = null;
        linkTo = null;
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (e.getClickCount() == 2) {
            showAll();
            return;
        }
        dragStartX = e.getX();
        dragStartVisible = visibleStart.get();
        selecting = e.getY() <= AXIS_HEIGHT || e.isShiftDown();
        if (!selecting) {
            TimelineItem hit = itemAt(e.getX(), e.getY());
            if (hit != null) {
                selectedItem.set(hit.id());
                onItemClicked.accept(hit);
                dragStartX = Double.NaN;
                // dragging on from a record draws a link to the record it is dropped on
                linkFrom = laneIndex(hit.lane()) >= 0 ? hit : null;
            }
        }
    }

    private void onDragged(MouseEvent e) {
        if (linkFrom != null) {
            hideHover();
            linkTo = new double[] {e.getX(), e.getY()};
            draw();
            return;
        }
        if (Double.isNaN(dragStartX)) {
            return;
        }
        if (selecting) {
            long a = timeAt(Math.max(LABEL_WIDTH, dragStartX));
            long b = timeAt(Math.max(LABEL_WIDTH, e.getX()));
            selectionStart = Math.min(a, b);
            selectionEnd = Math.max(a, b);
            draw();
        } else {
            long span = visibleEnd.get() - visibleStart.get();
            long shift = (long) ((dragStartX - e.getX()) / plotWidth() * span);
            setVisible(dragStartVisible + shift, dragStartVisible + shift + span);
        }
    }

    private void onReleased(MouseEvent e) {
        if (linkFrom != null) {
            TimelineItem from = linkFrom;
            TimelineItem to = linkTo == null ? null : itemAt(e.getX(), e.getY());
            linkFrom = null;
            linkTo = null;
            draw();
            if (to != null && laneIndex(to.lane()) >= 0 && !to.record().equals(from.record())) {
                onLinkDragged.accept(from.record(), to.record());
            }
            return;
        }
        if (selecting && !Double.isNaN(dragStartX) && Math.abs(e.getX() - dragStartX) > 3) {
            // from the press and the release themselves: a quick flick may bring no drag event in between
            long a = timeAt(Math.max(LABEL_WIDTH, dragStartX));
            long b = timeAt(Math.max(LABEL_WIDTH, e.getX()));
            if (a != b) {
                selectionStart = Math.min(a, b);
                selectionEnd = Math.max(a, b);
                draw();
                onWindowSelected.accept(selectionStart, selectionEnd);
            }
        }
        dragStartX = Double.NaN;
        selecting = false;
    }

    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    /** How wide a label is drawn, so labels are placed by their real width, not a guess per character. */
    private double textWidth(String text, double size) {
        measure.setFont(Font.font("System", size > 10 ? javafx.scene.text.FontWeight.NORMAL
                : javafx.scene.text.FontWeight.BOLD, size));
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private double scrollBarWidth() {
        return scroll.isVisible() ? scroll.getWidth() : 0;
    }

    /** The record lanes stay under the axis; only the files' lanes scroll beneath them. */
    private double laneTop(int lane) {
        double top = AXIS_HEIGHT + lane * LANE_HEIGHT;
        // scrolled by whole lanes, so no file's name shows cut in half under the record lanes
        return lane < RECORD_LANES.size() ? top : top - Math.ceil(scroll.getValue() / LANE_HEIGHT) * LANE_HEIGHT;
    }

    /** Where the files' lanes begin to show, under the pinned record lanes. */
    private static double sourcesTop() {
        return AXIS_HEIGHT + RECORD_LANES.size() * LANE_HEIGHT;
    }

    /** A record's full title and detail when the pointer rests on it: the lane has room for its label only. */
    private void onMoved(MouseEvent e) {
        if (e.getY() >= AXIS_HEIGHT - 20 && e.getY() < AXIS_HEIGHT) {
            for (MarkerSpot spot : markerLabelSpots) {
                if (e.getX() >= spot.from() && e.getX() <= spot.to()) {
                    if (!spot.names().equals(hover.getText()) || !hover.isShowing()) {
                        hovered = null;
                        hover.setText(spot.names());
                        hover.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
                    }
                    return;
                }
            }
        }
        TimelineItem item = itemAt(e.getX(), e.getY());
        if (item == null) {
            hideHover();
            return;
        }
        if (item != hovered) {
            hovered = item;
            hover.setText(item.detail() == null ? item.label() : item.detail());
            hover.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
        }
    }

    private void hideHover() {
        hovered = null;
        hover.hide();
    }

    /** The text of the hover tooltip while it shows, else null. */
    public String hoverText() {
        return hover.isShowing() ? hover.getText() : null;
    }

    /** The middle of the marker label along the axis that starts with {@code text}; empty when none is drawn. */
    public java.util.Optional<javafx.geometry.Point2D> markerLabelPoint(String text) {
        for (MarkerSpot spot : markerLabelSpots) {
            if (spot.text().startsWith(text)) {
                return java.util.Optional.of(new javafx.geometry.Point2D((spot.from() + spot.to()) / 2, AXIS_HEIGHT - 10));
            }
        }
        return java.util.Optional.empty();
    }

    /** Where a record's item starts, in this view's coordinates; empty when it is not drawn. */
    public java.util.Optional<javafx.geometry.Point2D> pointOf(String itemId) {
        for (TimelineItem item : items) {
            if (item.id().equals(itemId) && laneIndex(item.lane()) >= 0) {
                return java.util.Optional.of(new javafx.geometry.Point2D(xOf(item.start()) + 1, centre(item)));
            }
        }
        return java.util.Optional.empty();
    }

    /** Where a span record is drawn in its lane: row {@code row} of {@code rows}, when spans overlap. */
    record Strip(int row, int rows) {
    }

    /**
     * The rows of a lane's overlapping spans (two outcomes measured over the same hours): each span takes the
     * first row free at its start, and every span of a lane is drawn as high as that lane's rows allow.
     */
    private Map<String, Strip> strips() {
        return strips(items);
    }

    static Map<String, Strip> strips(List<TimelineItem> items) {
        Map<String, Strip> strips = new java.util.HashMap<>();
        Map<String, List<TimelineItem>> byLane = new LinkedHashMap<>();
        items.stream().filter(i -> i.end() > i.start() && RECORD_LANES.contains(i.lane()))
                .sorted(java.util.Comparator.comparingLong(TimelineItem::start))
                .forEach(i -> byLane.computeIfAbsent(i.lane(), k -> new ArrayList<>()).add(i));
        for (Map.Entry<String, List<TimelineItem>> lane : byLane.entrySet()) {
            List<Long> ends = new ArrayList<>();
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (TimelineItem i : lane.getValue()) {
                int row = 0;
                while (row < ends.size() && ends.get(row) > i.start()) {
                    row++;
                }
                if (row == ends.size()) {
                    ends.add(i.end());
                } else {
                    ends.set(row, i.end());
                }
                rows.put(i.id(), row);
            }
            rows.forEach((id, row) -> strips.put(id, new Strip(row, ends.size())));
        }
        return strips;
    }

    /** The top and height of a span's bar, in its strip of the lane. */
    private static double[] barBox(double laneTop, Strip strip) {
        if (strip == null || strip.rows() < 2) {
            return new double[] {laneTop + 4, LANE_HEIGHT - 8};
        }
        double each = (LANE_HEIGHT - 4) / strip.rows();
        return new double[] {laneTop + 2 + strip.row() * each, Math.max(2, each - 1)};
    }

    private TimelineItem itemAt(double x, double y) {
        Map<String, Strip> strips = strips();
        for (TimelineItem item : items) {
            int lane = laneIndex(item.lane());
            double top = lane < 0 ? AXIS_HEIGHT : laneTop(lane);
            double bottom = lane < 0 ? getHeight() : top + LANE_HEIGHT;
            Strip strip = strips.get(item.id());
            if (strip != null && strip.rows() > 1) {
                double[] box = barBox(top, strip);
                top = box[0] - 0.5;
                bottom = box[0] + box[1] + 0.5;
            }
            if (y < top || y > bottom) {
                continue;
            }
            double x0 = xOf(item.start()) - 5;
            double x1 = Math.max(xOf(item.end()), xOf(item.start())) + 5;
            if (x >= x0 && x <= x1) {
                return item;
            }
        }
        return null;
    }

    /** Record lanes come first, right under the axis: they are the story; sources follow. */
    private int laneIndex(String lane) {
        return RECORD_LANES.indexOf(lane);
    }

    static Color levelColor(Level level) {
        return switch (level) {
            case TRACE, DEBUG -> Color.web("#9aa7b4");
            case INFO -> Color.web("#6b8fb3");
            case NOTICE -> Color.web("#4a7fc1");
            case WARN -> Color.web("#e0a030");
            case ERROR -> Color.web("#d9534f");
            case CRIT, FATAL -> Color.web("#8b1a1a");
        };
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.background);
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font("System", 11));
        int lane = RECORD_LANES.size();
        // the files' lanes are cut off where they scroll up beneath the record lanes
        g.save();
        g.beginPath();
        g.rect(0, sourcesTop(), w, Math.max(0, h - sourcesTop()));
        g.clip();
        for (String source : sources) {
            if (laneTop(lane) + LANE_HEIGHT >= sourcesTop() && laneTop(lane) <= h) {
                drawLaneFrame(g, lane, source, w);
                drawDensity(g, lane, source);
            }
            lane++;
        }
        g.restore();
        lane = 0;
        for (String name : RECORD_LANES) {
            drawLaneFrame(g, lane, name, w);
            lane++;
        }
        drawItems(g, h);
        drawAxis(g, w);
        if (selectionStart >= 0) {
            double x0 = Math.max(LABEL_WIDTH, xOf(selectionStart));
            double x1 = Math.min(w, xOf(selectionEnd));
            if (x1 > x0) {
                g.setFill(Color.rgb(66, 133, 244, 0.15));
                g.fillRect(x0, 0, x1 - x0, h);
                g.setStroke(Color.rgb(66, 133, 244, 0.8));
                g.strokeLine(x0, 0, x0, h);
                g.strokeLine(x1, 0, x1, h);
            }
        }
    }

    private void drawAxis(GraphicsContext g, double w) {
        g.setFill(palette.axis);
        g.fillRect(0, 0, w, AXIS_HEIGHT);
        g.setStroke(palette.axisLine);
        g.setStroke(palette.axisLine);
        g.strokeLine(0, AXIS_HEIGHT - 0.5, w, AXIS_HEIGHT - 0.5);
        long span = visibleEnd.get() - visibleStart.get();
        long step = niceStep((long) (span / Math.max(1, plotWidth() / 110)));
        long offset = zone.get().getRules().getOffset(Instant.ofEpochMilli(visibleStart.get())).getTotalSeconds() * 1000L;
        long first = Math.floorDiv(visibleStart.get() + offset, step) * step - offset;
        DateTimeFormatter fmt = step >= 86_400_000 ? DateTimeFormatter.ofPattern("EEE dd MMM")
                : step >= 60_000 ? DateTimeFormatter.ofPattern("dd MMM HH:mm") : DateTimeFormatter.ofPattern("HH:mm:ss");
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (long t = first; t <= visibleEnd.get(); t += step) {
            double x = xOf(t);
            if (x < LABEL_WIDTH) {
                continue;
            }
            g.setStroke(palette.grid);
            g.strokeLine(x + 0.5, AXIS_HEIGHT, x + 0.5, getHeight());
            g.setStroke(palette.tick);
            g.strokeLine(x + 0.5, AXIS_HEIGHT - 6, x + 0.5, AXIS_HEIGHT);
            g.setFill(palette.text);
            g.fillText(fmt.format(Instant.ofEpochMilli(t).atZone(zone.get())), x + 3, 11);
        }
        g.setFill(palette.mutedText);
        g.fillText(zone.get().getId(), 6, 11);
        if (!lanesNote.isEmpty()) {
            g.setFill(palette.text);
            g.fillText(lanesNote, 6, AXIS_HEIGHT - 11);
        }
        // incident markers: labels along the bottom of the axis, right of the line, or left where that runs past the
        // edge or into the label before; a marker too close to the one before for a label of its own is counted on
        // that one's label ("Outage begins +1"), and named when the pointer rests on it
        g.setFont(Font.font("System", javafx.scene.text.FontWeight.BOLD, 10));
        double[] xs = new double[markerLabels.size()];
        double[] widths = new double[markerLabels.size()];
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = markerLabels.get(i).x();
            texts.add(markerLabels.get(i).item().label());
            widths[i] = textWidth(texts.get(i), 10) + 2;
        }
        List<MarkerLabel> placed = placeMarkerLabels(xs, widths, textWidth(" +9", 10), getWidth() - scrollBarWidth());
        g.setTextAlign(TextAlignment.LEFT);
        markerLabelSpots.clear();
        for (MarkerLabel at : placed) {
            String text = texts.get(at.marker()) + (at.hidden() > 0 ? " +" + at.hidden() : "");
            g.setFill(markerColour());
            g.fillText(text, at.textX(), AXIS_HEIGHT - 10);
            g.setStroke(markerColour());
            g.strokeLine(xs[at.marker()] + 0.5, AXIS_HEIGHT - 4, xs[at.marker()] + 0.5, AXIS_HEIGHT);
            // resting on the label names every marker it stands for
            StringBuilder named = new StringBuilder();
            for (int k = at.marker(); k <= at.marker() + at.hidden() && k < markerLabels.size(); k++) {
                TimelineItem item = markerLabels.get(k).item();
                named.append(named.length() == 0 ? "" : "\n").append(item.detail() == null ? item.label() : item.detail());
            }
            markerLabelSpots.add(new MarkerSpot(at.textX(), at.textX() + textWidth(text, 10), named.toString(), text));
        }
        g.setFont(Font.font("System", 11));
    }

    /** Where a marker's label goes: the marker, the text's left edge, and how many markers after it it stands for. */
    record MarkerLabel(int marker, double textX, int hidden) {
    }

    /**
     * Places the labels of markers at {@code xs} (in order), {@code widths} wide: right of the line, or left where
     * that runs past {@code edge} or into the label before. A marker with room on neither side is counted on the
     * label before, which grows by {@code suffixWidth} for the count.
     */
    static List<MarkerLabel> placeMarkerLabels(double[] xs, double[] widths, double suffixWidth, double edge) {
        List<MarkerLabel> placed = new ArrayList<>();
        double lastRight = -1;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            boolean right = x + 3 > lastRight && x + 3 + widths[i] <= edge;
            double tx = right ? x + 3 : x - 3 - widths[i];
            if (!right && tx < lastRight) {
                if (!placed.isEmpty()) {
                    MarkerLabel before = placed.remove(placed.size() - 1);
                    if (before.hidden() == 0) {
                        lastRight += suffixWidth;
                    }
                    placed.add(new MarkerLabel(before.marker(), before.textX(), before.hidden() + 1));
                }
                continue;
            }
            placed.add(new MarkerLabel(i, tx, 0));
            lastRight = Math.max(lastRight, tx + widths[i]);
        }
        return placed;
    }

    /** A record's label as placed in its lane. */
    record RecordLabel(String text, double x, double y, Color colour, int lane, double width, boolean selected) {

        boolean overlaps(RecordLabel other) {
            return lane == other.lane && other.x < x + width + 4 && other.x + other.width > x - 4;
        }
    }

    /** The labels to draw: the selected record's is always shown, and the labels of its lane it meets give way. */
    static List<RecordLabel> giveWayToSelected(List<RecordLabel> labels) {
        List<RecordLabel> kept = new ArrayList<>(labels);
        for (RecordLabel chosen : labels) {
            if (chosen.selected()) {
                kept.removeIf(other -> other != chosen && !other.selected() && chosen.overlaps(other));
            }
        }
        return kept;
    }

    private static long niceStep(long raw) {
        long[] steps = {1000, 5000, 10_000, 30_000, 60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
            7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000};
        for (long s : steps) {
            if (s >= raw) {
                return s;
            }
        }
        return steps[steps.length - 1];
    }

    private void drawLaneFrame(GraphicsContext g, int lane, String label, double w) {
        double top = laneTop(lane);
        g.setFill(lane % 2 == 0 ? palette.laneEven : palette.laneOdd);
        g.fillRect(LABEL_WIDTH, top, w - LABEL_WIDTH, LANE_HEIGHT);
        g.setFill(RECORD_LANES.contains(label) ? palette.recordLabel : palette.sourceLabel);
        g.fillRect(0, top, LABEL_WIDTH, LANE_HEIGHT);
        g.setStroke(palette.laneLine);
        g.strokeLine(0, top + LANE_HEIGHT - 0.5, w, top + LANE_HEIGHT - 0.5);
        g.setFill(palette.text);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        String text = label.length() > 22 ? label.substring(0, 21) + "…" : label;
        g.fillText(text, 6, top + LANE_HEIGHT / 2);
    }

    private void drawDensity(GraphicsContext g, int lane, String source) {
        if (density == null) {
            return;
        }
        long[][] counts = density.counts().get(source);
        if (counts == null) {
            return;
        }
        // each lane to its own busiest moment, linearly, as Kibana's histogram: a web log's daily swing from 750 to
        // 7,000 requests an hour shows as the shape it is (a log scale shared by all lanes had flattened it); a lone
        // event in a quiet lane still gets a visible sliver
        long max = 1;
        for (int b = 0; b < density.buckets(); b++) {
            long sum = 0;
            for (long[] level : counts) {
                sum += level[b];
            }
            max = Math.max(max, sum);
        }
        double top = laneTop(lane) + 2;
        double height = LANE_HEIGHT - 4;
        Level[] levels = Level.values();
        double scale = height / max;
        for (int b = 0; b < density.buckets(); b++) {
            long total = 0;
            for (long[] level : counts) {
                total += level[b];
            }
            if (total == 0) {
                continue;
            }
            long bucketStart = density.start() + b * density.bucketMillis();
            double x0 = xOf(bucketStart);
            double x1 = xOf(bucketStart + density.bucketMillis());
            if (x1 < LABEL_WIDTH) {
                continue;
            }
            x0 = Math.max(LABEL_WIDTH, x0);
            double barHeight = Math.max(1.5, total * scale);
            double y = top + height;
            // stack from the most severe down so errors stay visible at the bottom of every bar
            for (int l = levels.length - 1; l >= 0; l--) {
                long c = counts[l][b];
                if (c == 0) {
                    continue;
                }
                double part = Math.max(1, barHeight * c / (double) total);
                g.setFill(levelColor(levels[l]));
                g.fillRect(x0, y - part, Math.max(1, x1 - x0 - 0.5), part);
                y -= part;
            }
        }
    }

    /** An incident marker's line on the canvas, drawn with the records, labelled with the axis. */
    private record MarkerAt(double x, TimelineItem item) {
    }

    /** Where a marker label is drawn along the axis, what it says, and the markers it names on hover. */
    private record MarkerSpot(double from, double to, String names, String text) {
    }

    private final List<MarkerAt> markerLabels = new ArrayList<>();
    private final List<MarkerSpot> markerLabelSpots = new ArrayList<>();

    /** Incident markers' purple, lighter on the dark theme's near-black. */
    private Color markerColour() {
        return palette == Palette.DARK ? Color.web("#ce93d8") : Color.web("#7b1fa2");
    }

    private final Map<Integer, Double> labelEnds = new java.util.HashMap<>();

    private void drawItems(GraphicsContext g, double h) {
        markerLabels.clear();
        labelEnds.clear();
        Map<String, TimelineItem> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<TimelineItem> sorted = items.stream().sorted(java.util.Comparator.comparingLong(TimelineItem::start)).toList();
        Map<String, Strip> strips = strips();
        // labels go on after every shape, and only where the next record of the lane leaves room for them
        List<RecordLabel> labels = new ArrayList<>();
        for (int index = 0; index < sorted.size(); index++) {
            TimelineItem item = sorted.get(index);
            boolean selected = item.id().equals(selectedItem.get());
            int lane = laneIndex(item.lane());
            double x = xOf(item.start());
            if (lane < 0) {
                if (x < LABEL_WIDTH || x > getWidth()) {
                    continue;
                }
                g.setStroke(selected ? Color.web("#c62828") : markerColour());
                g.setLineDashes(4, 3);
                g.strokeLine(x + 0.5, AXIS_HEIGHT, x + 0.5, h);
                g.setLineDashes();
                markerLabels.add(new MarkerAt(x, item));
                continue;
            }
            double top = laneTop(lane);
            Color color = switch (item.lane()) {
                case "Changes" -> Color.web("#2e7d32");
                case "Experiments" -> Color.web("#1565c0");
                case "Hypotheses" -> Color.web("#ef6c00");
                default -> Color.web("#6a1b9a");
            };
            double x1 = Math.max(x + 6, xOf(item.end()));
            if (x1 < LABEL_WIDTH || x > getWidth()) {
                continue;
            }
            x = Math.max(LABEL_WIDTH, x);
            g.setFill(selected ? color.darker() : color);
            Strip strip = strips.get(item.id());
            boolean stacked = strip != null && strip.rows() > 1;
            if (item.end() > item.start()) {
                double[] box = barBox(top, strip);
                g.fillRoundRect(x, box[0], x1 - x, box[1], stacked ? 2 : 4, stacked ? 2 : 4);
            } else {
                g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {top + 4, top + 4, top + LANE_HEIGHT - 4}, 3);
            }
            double width = textWidth(item.label(), 11);
            // inside a bar long enough to hold it (a bar sharing its lane is too thin), else just after the bar
            boolean inside = !stacked && x + 10 + width < x1;
            double labelX = inside ? x + 10 : x1 + 2;
            double next = Double.MAX_VALUE;
            for (int later = index + 1; later < sorted.size(); later++) {
                if (sorted.get(later).lane().equals(item.lane())) {
                    next = xOf(sorted.get(later).start()) - 6;
                    break;
                }
            }
            double free = labelEnds.getOrDefault(lane, -1.0);
            double edge = getWidth() - scrollBarWidth();
            double previous = LABEL_WIDTH;
            for (int earlier = index - 1; earlier >= 0; earlier--) {
                if (sorted.get(earlier).lane().equals(item.lane())) {
                    previous = Math.max(previous, xOf(Math.max(sorted.get(earlier).start(), sorted.get(earlier).end())) + 6);
                    break;
                }
            }
            if (labelX + width > edge - 4 && x - 8 - width > Math.max(free + 4, previous) && !inside) {
                labelX = x - 8 - width; // at the right edge, a point's label goes on its left
            }
            if (selected && !inside && labelX + width > edge - 4) {
                // the selected record's label is always whole: left of its mark, or as far right as the edge allows
                labelX = Math.max(LABEL_WIDTH + 2, Math.min(x - 8 - width, edge - 4 - width));
            }
            if (selected || (labelX > free + 4 && labelX + width < next && labelX + width <= edge)) {
                // a label inside a long bar is drawn light on the bar's colour
                labels.add(new RecordLabel(item.label(), labelX, top + LANE_HEIGHT / 2, inside ? Color.WHITE : null,
                        lane, width, selected));
                labelEnds.put(lane, labelX + width);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (RecordLabel label : giveWayToSelected(labels)) {
            if (label.selected() && label.colour() == null) {
                // a tag over the records it passes: readable, and they still show through it
                Color ground = palette.background;
                g.setFill(Color.color(ground.getRed(), ground.getGreen(), ground.getBlue(), 0.8));
                g.fillRoundRect(label.x() - 3, laneTop(label.lane()) + 2, label.width() + 6, LANE_HEIGHT - 4, 4, 4);
                g.setStroke(Color.web("#c62828"));
                g.strokeRoundRect(label.x() - 3 + 0.5, laneTop(label.lane()) + 2.5, label.width() + 5, LANE_HEIGHT - 5, 4, 4);
            }
            g.setFill(label.colour() == null ? palette.text : label.colour());
            g.fillText(label.text(), label.x(), label.y());
        }
        if (linkFrom != null && linkTo != null) {
            g.setStroke(Color.web("#c62828"));
            g.setLineWidth(1.5);
            g.setLineDashes(5, 4);
            g.strokeLine(xOf(linkFrom.start()), centre(linkFrom), linkTo[0], linkTo[1]);
            g.setLineDashes();
            g.setLineWidth(1);
        }
        TimelineItem selected = byId.get(selectedItem.get());
        if (selected != null) {
            g.setStroke(Color.web("#c62828"));
            g.setLineWidth(1.5);
            for (String link : selected.links()) {
                TimelineItem other = byId.get(link);
                if (other != null) {
                    arrow(g, selected, other);
                }
            }
            g.setLineWidth(1);
        }
    }

    private void arrow(GraphicsContext g, TimelineItem from, TimelineItem to) {
        double x0 = xOf(from.start());
        double y0 = centre(from);
        double x1 = xOf(to.start());
        double y1 = centre(to);
        g.strokeLine(x0, y0, x1, y1);
        double angle = Math.atan2(y1 - y0, x1 - x0);
        List<Double> xs = new ArrayList<>(List.of(x1, x1 - 8 * Math.cos(angle - 0.4), x1 - 8 * Math.cos(angle + 0.4)));
        List<Double> ys = new ArrayList<>(List.of(y1, y1 - 8 * Math.sin(angle - 0.4), y1 - 8 * Math.sin(angle + 0.4)));
        g.setFill(Color.web("#c62828"));
        g.fillPolygon(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), 3);
    }

    private double centre(TimelineItem item) {
        int lane = laneIndex(item.lane());
        if (lane < 0) {
            return AXIS_HEIGHT + 10;
        }
        Strip strip = strips().get(item.id());
        if (strip != null && strip.rows() > 1) {
            double[] box = barBox(laneTop(lane), strip);
            return box[0] + box[1] / 2;
        }
        return laneTop(lane) + LANE_HEIGHT / 2;
    }
}
