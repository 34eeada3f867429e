package org.videoclub.catalog.rest;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a list; {@code next} is the cursor of the following page, null on the last one. */
@RegisterForReflection
public record PageResponse<T>(List<T> items, String next) {
}
