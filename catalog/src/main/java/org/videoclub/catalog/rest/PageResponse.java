package org.videoclub.catalog.rest;

import java.util.List;

/** One page of a list; {@code next} is the cursor of the following page, null on the last one. */
public record PageResponse<T>(List<T> items, String next) {
}
