package org.beaconpacs.archive.dicomweb;

import org.beaconpacs.archive.render.Rendering;
import org.beaconpacs.archive.render.Window;

/**
 * The rendering query parameters of WADO-RS (PS3.18 8.3.5.1: {@code window}, {@code viewport},
 * {@code quality}) and of WADO-URI (PS3.18 9.1.2: {@code windowCenter}, {@code windowWidth}, {@code rows},
 * {@code columns}, {@code region}, {@code imageQuality}), each wrong value a 400 that names it.
 */
final class RenderingParameters {

    private RenderingParameters() {
    }

    /** WADO-RS: {@code window=center,width[,function]}, {@code viewport=vw,vh[,sx,sy,sw,sh]}, {@code quality}. */
    static Rendering rs(String window, String viewport, String quality, int defaultViewport) {
        try {
            Window w = null;
            if (window != null) {
                String[] v = window.split(",");
                if (v.length < 2 || v.length > 3) {
                    throw new InvalidParameterException("window is center,width[,function], not " + window);
                }
                w = new Window(number("window", v[0]), number("window", v[1]),
                        v.length == 3 ? function(v[2]) : Window.Function.LINEAR);
            }
            int vw = defaultViewport;
            int vh = defaultViewport;
            Rendering.Region region = null;
            if (viewport != null) {
                String[] v = viewport.split(",", -1);
                if (v.length != 2 && v.length != 6) {
                    throw new InvalidParameterException("viewport is vw,vh[,sx,sy,sw,sh], not " + viewport);
                }
                vw = v[0].isEmpty() ? 0 : integer("viewport", v[0]);
                vh = v[1].isEmpty() ? 0 : integer("viewport", v[1]);
                if (v.length == 6) {
                    region = new Rendering.Region(integer("viewport", v[2]), integer("viewport", v[3]),
                            integer("viewport", v[4]), integer("viewport", v[5]));
                }
            }
            return new Rendering(w, vw, vh, region, quality == null ? Rendering.DEFAULT_QUALITY
                    : integer("quality", quality));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage());
        }
    }

    /** The normalized WADO-URI region x1,y1,x2,y2 (0.0 to 1.0) in pixels of a {@code columns} × {@code rows} frame. */
    static Rendering.Region region(String region, int columns, int rows) {
        String[] v = region.split(",");
        if (v.length != 4) {
            throw new InvalidParameterException("region is x1,y1,x2,y2 from 0.0 to 1.0, not " + region);
        }
        double[] r = new double[4];
        for (int i = 0; i < 4; i++) {
            r[i] = number("region", v[i]);
            if (r[i] < 0 || r[i] > 1) {
                throw new InvalidParameterException("region values lie between 0.0 and 1.0, not " + v[i]);
            }
        }
        if (r[2] <= r[0] || r[3] <= r[1]) {
            throw new InvalidParameterException("region x2,y2 lie right of and below x1,y1");
        }
        int x = (int) Math.floor(r[0] * columns);
        int y = (int) Math.floor(r[1] * rows);
        return new Rendering.Region(x, y, Math.max(1, (int) Math.round(r[2] * columns) - x),
                Math.max(1, (int) Math.round(r[3] * rows) - y));
    }

    private static Window.Function function(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "linear" -> Window.Function.LINEAR;
            case "linear-exact", "linear_exact" -> Window.Function.LINEAR_EXACT;
            case "sigmoid" -> Window.Function.SIGMOID;
            default -> throw new InvalidParameterException("window function is linear, linear-exact or sigmoid, not "
                    + name);
        };
    }

    static double number(String parameter, String text) {
        try {
            double d = Double.parseDouble(text.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter + ": " + text + " is not a number");
        }
    }

    static int integer(String parameter, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter + ": " + text + " is not a whole number");
        }
    }
}
