package org.videoclub.catalog.model;

/** Condition of the copies of an inventory item. */
public enum Condition {
    NEW, USED
}
