package org.beaconpacs.archive.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.beaconpacs.archive.retrieve.StoredInstance;

/**
 * Which instance stands for a study or series in a thumbnail: the middle one in series and instance number
 * order (a series' middle shows more than its first slice), else the nearest one whose pixels render.
 */
public final class Thumbnails {

    /** The default edge of a thumbnail, in pixels. */
    public static final int SIZE = 128;

    private Thumbnails() {
    }

    /** The first of {@code instances}, middle outwards, whose pixels can be rendered; null if none can. */
    public static StoredImage representative(List<StoredInstance> instances) throws IOException {
        for (StoredInstance i : middleFirst(instances)) {
            StoredImage image = StoredImage.read(i.file());
            if (image.hasPixels() && image.decodable()) {
                return image;
            }
        }
        return null;
    }

    static List<StoredInstance> middleFirst(List<StoredInstance> instances) {
        List<StoredInstance> ordered = new ArrayList<>(instances.size());
        if (instances.isEmpty()) {
            return ordered;
        }
        int middle = (instances.size() - 1) / 2;
        ordered.add(instances.get(middle));
        for (int d = 1; ordered.size() < instances.size(); d++) {
            if (middle + d < instances.size()) {
                ordered.add(instances.get(middle + d));
            }
            if (middle - d >= 0) {
                ordered.add(instances.get(middle - d));
            }
        }
        return ordered;
    }
}
