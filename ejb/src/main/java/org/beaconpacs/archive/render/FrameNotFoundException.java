package org.beaconpacs.archive.render;

import java.io.IOException;

/** A frame number beyond the instance's Number of Frames. */
public class FrameNotFoundException extends IOException {

    public FrameNotFoundException(int frame, int frames) {
        super("frame " + frame + " asked, the instance has " + frames);
    }
}
