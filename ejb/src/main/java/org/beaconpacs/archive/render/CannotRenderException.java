package org.beaconpacs.archive.render;

import java.io.IOException;

/** An instance whose pixels this renderer cannot show (an unsupported layout, or none). */
public class CannotRenderException extends IOException {

    public CannotRenderException(String message) {
        super(message);
    }
}
