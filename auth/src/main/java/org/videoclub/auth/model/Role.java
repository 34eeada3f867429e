package org.videoclub.auth.model;

/** What a user may do: readers read the catalog, editors also change it, admins also manage users. */
public enum Role {
    reader,
    editor,
    admin
}
